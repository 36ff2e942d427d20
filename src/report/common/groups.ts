import { guidelinesOf } from '../../catalogue/index.js';
import type { GuidelineResult, ProvisionResult, Report } from '../types.js';

export interface GuidelineGroup {
  readonly guideline: GuidelineResult;
  readonly provisions: readonly ProvisionResult[];
}

/**
 * The report's provisions under the Code's 13 guidelines, by the catalogue's mapping (clause 5.n to guideline n,
 * clause 6 to 8 and, for withdrawal of consent, 11). Clause 4 concerns every guideline alike, so it is returned
 * apart, as `general`, instead of being repeated 13 times.
 */
export function groupByGuideline(report: Report): { groups: GuidelineGroup[]; general: ProvisionResult[] } {
  const general = report.provisions.filter((p) => p.clause === '4');
  const groups = report.guidelines.map((guideline) => ({
    guideline,
    provisions: report.provisions.filter((p) => p.clause !== '4' && guidelinesOf(p.id).includes(guideline.id)),
  }));
  return { groups, general };
}

/** The guideline ids a provision falls under (none for clause 4, which concerns them all). */
export function guidelineIdsOf(p: ProvisionResult): readonly number[] {
  return p.clause === '4' ? [] : guidelinesOf(p.id);
}
