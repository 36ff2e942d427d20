/** The verdict on a provision, a guideline or a roll-up. */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'not-applicable';

/** What a single finding says about the provisions it informs: checks never declare a provision not applicable. */
export type FindingVerdict = 'pass' | 'fail' | 'inconclusive';

export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'inconclusive', 'not-applicable'];

const WEIGHT: Record<Verdict, number> = { 'not-applicable': 0, pass: 1, inconclusive: 2, fail: 3 };

/**
 * Combines verdicts into the worst one: fail > inconclusive > pass > not-applicable.
 * An empty list has nothing to say and is inconclusive, never a pass.
 */
export function worstOf(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict | undefined;
  for (const v of verdicts) if (worst === undefined || WEIGHT[v] > WEIGHT[worst]) worst = v;
  return worst ?? 'inconclusive';
}

/** True when `verdict` is at least as bad as `threshold` (for `--fail-on`). */
export function atOrAbove(verdict: Verdict, threshold: 'fail' | 'inconclusive'): boolean {
  return WEIGHT[verdict] >= WEIGHT[threshold];
}
