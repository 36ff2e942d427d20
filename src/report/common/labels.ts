import { CONDITIONS } from '../../catalogue/index.js';
import type { Severity, Verdict } from '../../model/index.js';
import type { Basis, ProvisionResult } from '../types.js';

/** Verdicts are never told by colour alone: each has a word and a distinct symbol. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  pass: 'Pass', fail: 'Fail', inconclusive: 'Inconclusive', 'not-applicable': 'Not applicable',
};

export const VERDICT_SYMBOL: Readonly<Record<Verdict, string>> = {
  pass: '\u2714', fail: '\u2716', inconclusive: '?', 'not-applicable': '\u2013',
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info',
};

export const BASIS_LABEL: Readonly<Record<Basis, string>> = {
  automated: 'iotcop checks',
  'attested-with-evidence': 'attestation with verified evidence',
  condition: 'condition does not hold',
  derived: 'derived from other verdicts',
  attested: 'attestation without verified evidence',
  none: 'nothing assessed',
};

/** EN 303 645 Annex B status: `M`, `R`, `M C` or `R C` (C: conditional). */
export function statusCode(p: Pick<ProvisionResult, 'status' | 'condition'>): string {
  return p.condition ? `${p.status} C` : p.status;
}

const APPLIES_WHEN = new Map<string, boolean>(CONDITIONS.map((c) => [c.id, c.appliesWhen]));
const yesNo = (answer: boolean | null) => (answer === null ? 'not answered' : answer ? 'yes' : 'no');

/**
 * The condition of a conditional provision in one line: the question, the answer under which the provision
 * applies (some apply on "no", e.g. only to devices that are not constrained) and the manifest's answer.
 */
export function conditionText(condition: NonNullable<ProvisionResult['condition']>): string {
  const appliesWhen = APPLIES_WHEN.get(condition.id);
  const applies = appliesWhen === undefined ? '' : `applies if ${yesNo(appliesWhen)}; `;
  return `${condition.question} (${condition.id}: ${applies}answer: ${yesNo(condition.answer)})`;
}
