import { CRA_REQUIREMENTS, GUIDELINES, PSTI_REQUIREMENTS, provisionsOfGuideline, type ProvisionId } from '../catalogue/index.js';
import { worstOf, type Verdict } from '../model/index.js';
import type { CraResult, GuidelineResult, ProvisionResult, PstiResult, Report, VerdictCounts } from '../report/types.js';

export function countVerdicts(results: readonly { verdict: Verdict }[]): VerdictCounts {
  const counts = { pass: 0, fail: 0, inconclusive: 0, 'not-applicable': 0 };
  for (const r of results) counts[r.verdict] += 1;
  return counts;
}

function pick(all: readonly ProvisionResult[], ids: readonly ProvisionId[]): ProvisionResult[] {
  const wanted = new Set(ids);
  return all.filter((r) => wanted.has(r.id));
}

/**
 * A guideline takes the worst verdict of its applicable mandatory provisions; when none of those applies, of its
 * applicable recommendations; when nothing applies, it is not applicable.
 */
export function rollUpGuidelines(results: readonly ProvisionResult[]): GuidelineResult[] {
  return GUIDELINES.map((g) => {
    const mine = pick(results, provisionsOfGuideline(g.id));
    const applicable = mine.filter((r) => r.verdict !== 'not-applicable');
    const mandatory = applicable.filter((r) => r.status === 'M');
    const deciding = mandatory.length > 0 ? mandatory : applicable;
    const verdict: Verdict = deciding.length === 0 ? 'not-applicable' : worstOf(deciding.map((r) => r.verdict));
    const which = mandatory.length > 0 ? 'applicable mandatory provisions' : applicable.length > 0 ? 'applicable recommendations (no mandatory provision applies)' : 'provisions';
    const offenders = deciding.filter((r) => r.verdict === verdict).map((r) => r.id);
    const justification = verdict === 'not-applicable'
      ? 'None of its provisions applies to this product.'
      : `Worst verdict of its ${deciding.length} ${which}${verdict === 'pass' ? '' : `: ${offenders.join(', ')}`}.`;
    return { id: g.id, title: g.title, priority: g.priority, verdict, provisions: countVerdicts(mine), justification };
  });
}

export function rollUpPriority(guidelines: readonly GuidelineResult[]): Report['priority'] {
  const top = guidelines.filter((g) => g.priority);
  return { verdict: worstOf(top.map((g) => g.verdict)), guidelines: top.map((g) => g.id) };
}

/** EN 303 645 conformity: every applicable mandatory provision (4-1 included) passes. */
export function rollUpEtsi(results: readonly ProvisionResult[]): Report['etsi'] {
  const mandatory = results.filter((r) => r.status === 'M');
  const counts = countVerdicts(mandatory);
  const verdict = worstOf(mandatory.map((r) => r.verdict));
  const justification = verdict === 'pass'
    ? `All ${counts.pass} applicable mandatory provisions pass (${counts['not-applicable']} not applicable).`
    : `Of ${mandatory.length - counts['not-applicable']} applicable mandatory provisions, ${counts.fail} ${counts.fail === 1 ? 'fails' : 'fail'} and ${counts.inconclusive} ${counts.inconclusive === 1 ? 'is' : 'are'} inconclusive.`;
  return { verdict, justification, mandatory: counts };
}

/** PSTI Schedule 1: each requirement from its EN 303 645 provisions, with the Schedule 2 route when met. */
export function rollUpPsti(results: readonly ProvisionResult[]): Report['psti'] {
  const requirements: PstiResult[] = PSTI_REQUIREMENTS.map((req) => {
    const ids = req.provisions.map((p) => p.id);
    const mine = pick(results, ids);
    const verdict = worstOf(mine.map((r) => r.verdict === 'not-applicable' ? 'pass' : r.verdict));
    const route = verdict === 'pass' && req.deemedRoutes[0]
      ? `deemed met through ${req.deemedRoutes[0].standard} provision${req.deemedRoutes[0].clauses.length > 1 ? 's' : ''} ${req.deemedRoutes[0].clauses.join(' and ')}`
      : null;
    const detail = mine.map((r) => `${r.id} ${r.verdict}`).join(', ');
    const justification = verdict === 'pass'
      ? `${route ?? `Met: ${detail}`}.`
      : `From ${detail}.`;
    return { id: req.id, paragraph: req.paragraph, title: req.title, verdict, provisions: ids, route, justification };
  });
  return { verdict: worstOf(requirements.map((r) => r.verdict)), requirements };
}

/** CRA Annex I: evidence towards each requirement from the mapped provisions (coverage, not conformity). */
export function rollUpCra(results: readonly ProvisionResult[]): Report['cra'] {
  const requirements: CraResult[] = CRA_REQUIREMENTS.map((req) => {
    const mine = pick(results, req.provisions);
    const applicable = mine.filter((r) => r.verdict !== 'not-applicable');
    const verdict: Verdict = applicable.length === 0 ? 'not-applicable' : worstOf(applicable.map((r) => r.verdict));
    const coverage = req.relationship === 'equal' || req.relationship === 'subset' ? 'full' : 'partial';
    return { id: req.id, reference: req.reference, part: req.part, summary: req.summary, relationship: req.relationship, provisions: req.provisions, verdict, coverage };
  });
  return { requirements };
}
