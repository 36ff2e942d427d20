import type { Verdict } from '../../model/index.js';
import { BASIS_LABEL, conditionText, statusCode } from '../common/labels.js';
import type { ProvisionResult, Report } from '../types.js';

/**
 * One row of an Implementation Conformance Statement in the style of ETSI TS 103 701 (Annex A): the provision,
 * its status in EN 303 645 (Annex B), whether the product supports it, and the detail behind that answer.
 */
export interface IcsRow {
  readonly provision: string;
  readonly summary: string;
  readonly status: string;
  readonly support: IcsSupport;
  readonly detail: string;
}

/**
 * `Y` supported, `N` not supported, `N/A` not applicable (the provision's condition does not hold), `?` not
 * determined: the assessment could not establish it (an inconclusive verdict), and the detail says why.
 */
export type IcsSupport = 'Y' | 'N' | 'N/A' | '?';

export const ICS_COLUMNS = ['Provision', 'Summary', 'Status', 'Support', 'Detail'] as const;

export const SUPPORT: Readonly<Record<Verdict, IcsSupport>> = { pass: 'Y', fail: 'N', 'not-applicable': 'N/A', inconclusive: '?' };

/** `M`, `R`, or for a conditional provision `M C` / `R C` followed by the condition and its answer. */
export function icsStatus(p: ProvisionResult): string {
  return p.condition ? `${statusCode(p)}: ${conditionText(p.condition)}` : statusCode(p);
}

function detail(p: ProvisionResult): string {
  const undetermined = p.verdict === 'inconclusive' ? 'Not determined. ' : '';
  const findings = p.findings.length > 0 ? ` Findings: ${p.findings.join(', ')}.` : '';
  return `${undetermined}${p.justification} Basis: ${BASIS_LABEL[p.basis] ?? p.basis}.${findings}`;
}

/** One row per EN 303 645 provision, in the report's (document) order. */
export function icsRows(report: Report): IcsRow[] {
  return report.provisions.map((p) => ({
    provision: p.id, summary: p.gist, status: icsStatus(p), support: SUPPORT[p.verdict], detail: detail(p),
  }));
}

export function rowCells(row: IcsRow): readonly string[] {
  return [row.provision, row.summary, row.status, row.support, row.detail];
}
