import type { ConditionId, ProvisionId, ProvisionStatus, Relationship } from '../catalogue/index.js';
import type { Finding, Severity, Verdict } from '../model/index.js';

/** Version of the JSON report format (schema/report.schema.json). Bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = '1.0.0';

/**
 * What a provision verdict rests on, strongest first:
 * - `automated`: findings of iotcop's own checks;
 * - `attested-with-evidence`: the manufacturer's attestation backed by documents whose sha256 was verified;
 * - `condition`: the provision's condition does not hold, per the manifest's answer;
 * - `derived`: computed from other verdicts (4-1 from the recommendations' justifications);
 * - `attested`: the manufacturer's attestation without verified evidence;
 * - `none`: nothing was looked at.
 */
export type Basis = 'automated' | 'attested-with-evidence' | 'condition' | 'derived' | 'attested' | 'none';

export interface ProvisionResult {
  readonly id: ProvisionId;
  readonly clause: string;
  readonly status: ProvisionStatus;
  readonly gist: string;
  /** For conditional provisions: the condition and the manifest's answer (null: not answered). */
  readonly condition?: { readonly id: ConditionId; readonly question: string; readonly answer: boolean | null };
  readonly verdict: Verdict;
  readonly basis: Basis;
  /** Why this verdict, in a sentence a reviewer can check. Never empty. */
  readonly justification: string;
  /** Ids of the findings that informed the verdict. */
  readonly findings: readonly string[];
}

export interface VerdictCounts {
  readonly pass: number;
  readonly fail: number;
  readonly inconclusive: number;
  readonly 'not-applicable': number;
}

export interface GuidelineResult {
  readonly id: number;
  readonly title: string;
  readonly priority: boolean;
  readonly verdict: Verdict;
  readonly provisions: VerdictCounts;
  readonly justification: string;
}

export interface PstiResult {
  readonly id: string;
  readonly paragraph: number;
  readonly title: string;
  readonly verdict: Verdict;
  readonly provisions: readonly ProvisionId[];
  /** The Schedule 2 route through which the requirement is deemed met, when it is. */
  readonly route: string | null;
  readonly justification: string;
}

export interface CraResult {
  readonly id: string;
  readonly reference: string;
  readonly part: 'I' | 'II';
  readonly summary: string;
  readonly relationship: Relationship;
  readonly provisions: readonly ProvisionId[];
  /** Worst verdict of the mapped provisions: evidence towards the requirement, not CRA conformity. */
  readonly verdict: Verdict;
  readonly coverage: 'full' | 'partial';
}

export interface CheckRun {
  readonly id: string;
  readonly title: string;
  /** The provisions the check can inform (from its metadata). */
  readonly provisions: readonly ProvisionId[];
  readonly status: 'ran' | 'skipped' | 'error';
  readonly reason?: string;
  readonly findings: number;
}

export interface ReportInput {
  readonly path: string;
  readonly kind: 'manifest' | 'firmware' | 'directory' | 'provisioning';
  readonly sha256?: string;
  readonly size?: number;
}

export interface ReportProduct {
  readonly manufacturer: { readonly name: string; readonly address: string };
  readonly brand: string;
  readonly model: string;
  readonly type: string;
  readonly hardwareVersion?: string;
  readonly batch?: string;
  readonly firmwareVersions: readonly string[];
  readonly supportPeriodEnd?: string;
}

/** Summary of one firmware image's unpacking, for the report (full logs come from `iotcop identify`). */
export interface FirmwareSummary {
  readonly image: string;
  readonly sha256: string;
  readonly size: number;
  readonly layers: readonly { readonly id: string; readonly format: string; readonly offset: number; readonly length: number; readonly error?: string }[];
  readonly filesystems: number;
  readonly entries: number;
  /** Regions nobody recognised whose entropy suggests compression or encryption. */
  readonly opaqueRegions: readonly { readonly offset: number; readonly length: number; readonly entropy: number }[];
}

export interface Report {
  readonly schemaVersion: string;
  readonly tool: { readonly name: 'iotcop'; readonly version: string };
  readonly generatedAt: string;
  readonly product: ReportProduct | null;
  readonly inputs: readonly ReportInput[];
  readonly summary: {
    readonly provisions: VerdictCounts;
    readonly mandatory: VerdictCounts;
    readonly findings: Readonly<Record<Severity, number>>;
  };
  readonly provisions: readonly ProvisionResult[];
  readonly guidelines: readonly GuidelineResult[];
  readonly priority: { readonly verdict: Verdict; readonly guidelines: readonly number[] };
  readonly etsi: { readonly verdict: Verdict; readonly justification: string; readonly mandatory: VerdictCounts };
  readonly psti: { readonly verdict: Verdict; readonly requirements: readonly PstiResult[] };
  readonly cra: { readonly requirements: readonly CraResult[] };
  readonly findings: readonly Finding[];
  readonly checks: readonly CheckRun[];
  readonly firmware: readonly FirmwareSummary[];
}
