import { createHash } from 'node:crypto';
import type { ProvisionId } from '../catalogue/index.js';
import type { FindingVerdict } from './verdict.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Where a finding comes from: a file in an image (path, line, offset), a network service, or a URL. */
export interface Location {
  /** The input the finding was made on (an image or manifest path as given by the user). */
  readonly image?: string;
  /** A path inside the image (absolute, `/etc/shadow`) or a file on disk (the manifest). */
  readonly path?: string;
  readonly line?: number;
  readonly offset?: number;
  readonly host?: string;
  readonly port?: number;
  readonly url?: string;
}

/** A finding as a check produces it; the engine adds the stable `id` and the `check` id. */
export interface FindingDraft {
  readonly provisions: readonly ProvisionId[];
  readonly severity: Severity;
  readonly verdict: FindingVerdict;
  readonly title: string;
  readonly detail: string;
  readonly location: Location;
  /** What was seen, with every secret masked (see `mask`). */
  readonly evidence: string;
  readonly remediation: string;
  /** Distinguishes two findings of one check at one location (e.g. two accounts in one file). */
  readonly key?: string;
}

export interface Finding extends Omit<FindingDraft, 'key'> {
  readonly id: string;
  readonly check: string;
}

/** A stable id: the same check at the same place gives the same id on every run. */
export function findingId(check: string, draft: FindingDraft): string {
  const l = draft.location;
  const parts = [check, l.image, l.path, l.line, l.offset, l.host, l.port, l.url, draft.key ?? draft.title];
  const digest = createHash('sha256').update(parts.map((p) => (p === undefined ? '' : String(p))).join('\u0000'));
  return `${check}:${digest.digest('hex').slice(0, 12)}`;
}

export function toFinding(check: string, draft: FindingDraft): Finding {
  const { key: _key, ...rest } = draft;
  return { id: findingId(check, draft), check, ...rest };
}

const SEVERITY_ORDER = new Map(SEVERITIES.map((s, i) => [s, i]));

/** Deterministic order: severity, then provision, then check, then location, then id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (SEVERITY_ORDER.get(a.severity)! - SEVERITY_ORDER.get(b.severity)!)
    || (a.provisions[0] ?? '').localeCompare(b.provisions[0] ?? '', 'en', { numeric: true })
    || a.check.localeCompare(b.check)
    || (a.location.path ?? a.location.url ?? a.location.host ?? '').localeCompare(b.location.path ?? b.location.url ?? b.location.host ?? '')
    || (a.location.line ?? 0) - (b.location.line ?? 0)
    || a.id.localeCompare(b.id);
}
