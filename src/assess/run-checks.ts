import type { EvidenceKind } from '../catalogue/index.js';
import type { Check, CheckContext, Evidence } from '../checks/types.js';
import { toFinding, type Finding } from '../model/index.js';
import type { CheckRun } from '../report/types.js';

const KIND_NAMES: Record<EvidenceKind, string> = {
  firmware: 'a firmware image', device: 'a reachable device', web: 'published web pages', declaration: 'a manifest',
  provisioning: 'per-unit provisioning records',
};

export interface ChecksOutcome {
  readonly findings: Finding[];
  readonly runs: CheckRun[];
}

/**
 * Runs every check whose evidence is there; a check that is missing evidence is skipped with the reason, and a
 * check that throws becomes inconclusive findings on its provisions (ERR_CHECK_FAILED) while the others go on.
 */
export async function runChecks(checks: readonly Check[], evidence: Evidence, base: Omit<CheckContext, 'evidence'>): Promise<ChecksOutcome> {
  const findings: Finding[] = [];
  const runs: CheckRun[] = [];
  for (const check of checks) {
    base.signal.throwIfAborted();
    const missing = check.needs.filter((kind) => !has(evidence, kind));
    if (missing.length > 0) {
      const reason = missing.map((k) => evidence.unavailable[k] ? `${KIND_NAMES[k]}: ${evidence.unavailable[k]}` : `needs ${KIND_NAMES[k]}`).join('; ');
      runs.push({ id: check.id, title: check.title, provisions: check.provisions, status: 'skipped', reason, findings: 0 });
      continue;
    }
    base.progress(`check ${check.id}`);
    try {
      const drafts = await check.run({ ...base, evidence });
      const made = drafts.map((d) => toFinding(check.id, d));
      findings.push(...made);
      runs.push({ id: check.id, title: check.title, provisions: check.provisions, status: 'ran', findings: made.length });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const reason = `ERR_CHECK_FAILED: ${message}`;
      runs.push({ id: check.id, title: check.title, provisions: check.provisions, status: 'error', reason, findings: 0 });
      if (check.provisions.length > 0) {
        findings.push(toFinding(check.id, {
          provisions: check.provisions,
          severity: 'info',
          verdict: 'inconclusive',
          title: `Check ${check.id} could not complete`,
          detail: `The check stopped with an error, so what it covers was not examined: ${message}`,
          location: {},
          evidence: '',
          remediation: 'Report this to the iotcop maintainers with the input that triggered it.',
        }));
      }
    }
  }
  return { findings, runs };
}

function has(evidence: Evidence, kind: EvidenceKind): boolean {
  switch (kind) {
    case 'declaration': return evidence.manifest !== undefined;
    case 'firmware': return (evidence.firmware?.length ?? 0) > 0;
    case 'provisioning': return (evidence.provisioning?.length ?? 0) > 0;
    case 'web': return (evidence.web?.pages.length ?? 0) > 0;
    default: return false;
  }
}
