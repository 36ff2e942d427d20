import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVISIONS, type ProvisionId } from '../catalogue/index.js';
import type { Verdict } from '../model/index.js';
import type { ProvisionResult } from '../report/types.js';
import { rollUpCra, rollUpEtsi, rollUpGuidelines, rollUpPriority, rollUpPsti } from './rollup.js';

function results(overrides: Partial<Record<ProvisionId, Verdict>>, rest: Verdict = 'pass'): ProvisionResult[] {
  return PROVISIONS.map((p) => ({ id: p.id, clause: p.clause, status: p.status, gist: p.gist, verdict: overrides[p.id] ?? rest, basis: 'automated', justification: 'x', findings: [] }));
}

test('a guideline follows its mandatory provisions, not its recommendations', () => {
  const g = rollUpGuidelines(results({ '5.2-3': 'fail' }));
  assert.equal(g.find((x) => x.id === 2)?.verdict, 'pass');
  assert.equal(rollUpGuidelines(results({ '5.2-1': 'inconclusive' })).find((x) => x.id === 2)?.verdict, 'inconclusive');
});

test('a guideline without mandatory provisions follows its recommendations; all n/a is n/a', () => {
  assert.equal(rollUpGuidelines(results({ '5.9-2': 'fail' })).find((x) => x.id === 9)?.verdict, 'fail');
  assert.equal(rollUpGuidelines(results({ '5.10-1': 'not-applicable' })).find((x) => x.id === 10)?.verdict, 'not-applicable');
});

test('top priority is the worst of guidelines 1 to 3', () => {
  const g = rollUpGuidelines(results({ '5.3-13': 'fail' }));
  assert.deepEqual(rollUpPriority(g), { verdict: 'fail', guidelines: [1, 2, 3] });
});

test('EN 303 645 conformity needs every applicable mandatory provision to pass', () => {
  assert.equal(rollUpEtsi(results({})).verdict, 'pass');
  assert.equal(rollUpEtsi(results({ '5.6-9': 'fail' })).verdict, 'pass', 'a recommendation');
  assert.equal(rollUpEtsi(results({ '5.6-4': 'not-applicable' })).verdict, 'pass');
  assert.equal(rollUpEtsi(results({ '5.13-1': 'inconclusive' })).verdict, 'inconclusive');
});

test('PSTI: each paragraph from its provisions, with the Schedule 2 route when met', () => {
  const ok = rollUpPsti(results({}));
  assert.equal(ok.verdict, 'pass');
  assert.match(ok.requirements[1]!.route ?? '', /5\.2-1/);
  assert.equal(ok.requirements[2]!.route, null, 'paragraph 3 has no deemed route');
  const bad = rollUpPsti(results({ '5.1-2': 'fail' }));
  assert.equal(bad.requirements[0]!.verdict, 'fail');
  assert.equal(bad.verdict, 'fail');
  assert.equal(rollUpPsti(results({ '5.1-1': 'not-applicable', '5.1-2': 'not-applicable' })).requirements[0]!.verdict, 'pass', 'no passwords at all');
});

test('CRA coverage is partial where EN 303 645 only intersects the requirement', () => {
  const cra = rollUpCra(results({ '5.2-1': 'fail' }));
  assert.equal(cra.requirements.find((r) => r.id === 'II-6')?.verdict, 'fail');
  assert.equal(cra.requirements.find((r) => r.id === 'I-1')?.coverage, 'partial');
});
