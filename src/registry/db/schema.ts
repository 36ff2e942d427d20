import type { Insertable, Selectable, Updateable } from 'kysely';

// The registry's tables as Kysely sees them. Portable across SQLite and PostgreSQL on purpose:
// ids are text, times are ISO-8601 text (UTC, millisecond precision, so they sort as strings),
// booleans are integers 0/1 and structured values are JSON text.

export type OrgKind = 'manufacturer' | 'retailer' | 'lab';
export type OrgRole = 'owner' | 'maintainer' | 'security' | 'viewer';
export type AssessmentStatus = 'queued' | 'running' | 'done' | 'failed';
export type VdpStatus = 'received' | 'acknowledged' | 'triaged' | 'fixed' | 'published';

export interface OrgTable {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  address: string;
  website: string | null;
  security_email: string | null;
  ack_days: number;
  update_days: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  registry_admin: number;
  created_at: string;
}

export interface MembershipTable {
  user_id: string;
  org_id: string;
  role: OrgRole;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  /** Null for a registry-admin token. */
  org_id: string | null;
  role: OrgRole | 'registry-admin';
  name: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditTable {
  id: string;
  at: string;
  actor: string;
  org_id: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}

export interface ProductTable {
  id: string;
  org_id: string;
  brand: string;
  model: string;
  type: string;
  gtin: string | null;
  support_end: string | null;
  updates_automatic: number | null;
  created_at: string;
  updated_at: string;
}

export interface FirmwareTable {
  id: string;
  product_id: string;
  version: string;
  released: string | null;
  sha256: string | null;
  created_at: string;
}

export interface AssessmentTable {
  id: string;
  org_id: string;
  product_id: string;
  status: AssessmentStatus;
  error: string | null;
  upload_dir: string;
  manifest_name: string;
  manifest_sha256: string;
  upload_bytes: number;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
  /** JSON text: the Report. */
  report: string | null;
  /** JSON text: the verdict summary shown in lists and on labels. */
  summary: string | null;
  /** JSON text: file names (in the assessment's folder) of rendered reports and the statement. */
  artifacts: string | null;
}

export interface LabelTable {
  id: string;
  org_id: string;
  product_id: string;
  assessment_id: string;
  /** The signed label (compact JWS). */
  jws: string;
  /** JSON text: the signed payload, for queries and pages. */
  payload: string;
  kid: string;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
  revocation_reason: string | null;
}

export interface SigningKeyTable {
  kid: string;
  public_pem: string;
  private_pem: string;
  created_at: string;
  retired_at: string | null;
}

export interface VdpReportTable {
  id: string;
  org_id: string;
  status: VdpStatus;
  title: string;
  description: string;
  product_ref: string | null;
  product_id: string | null;
  reporter_contact: string | null;
  status_secret_hash: string;
  received_at: string;
  acknowledged_at: string | null;
  triaged_at: string | null;
  fixed_at: string | null;
  published_at: string | null;
  ack_due_at: string;
  update_due_at: string;
  last_update_at: string;
  severity: string | null;
  cve: string | null;
  cwe: string | null;
  fixed_in: string | null;
  remediation: string | null;
}

export interface VdpUpdateTable {
  id: string;
  report_id: string;
  at: string;
  author: 'manufacturer' | 'reporter';
  status: VdpStatus | null;
  message: string;
}

export interface WebhookTable {
  id: string;
  org_id: string;
  url: string;
  secret: string;
  events: string;
  created_at: string;
  active: number;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  event: string;
  at: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
}

export interface Database {
  orgs: OrgTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditTable;
  products: ProductTable;
  firmware_versions: FirmwareTable;
  assessments: AssessmentTable;
  labels: LabelTable;
  signing_keys: SigningKeyTable;
  vdp_reports: VdpReportTable;
  vdp_updates: VdpUpdateTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
}

export type Org = Selectable<OrgTable>;
export type User = Selectable<UserTable>;
export type Product = Selectable<ProductTable>;
export type Assessment = Selectable<AssessmentTable>;
export type Label = Selectable<LabelTable>;
export type VdpReport = Selectable<VdpReportTable>;
export type VdpUpdate = Selectable<VdpUpdateTable>;
export type NewProduct = Insertable<ProductTable>;
export type ProductPatch = Updateable<ProductTable>;
