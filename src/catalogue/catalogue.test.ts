import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONDITIONS, CRA_REQUIREMENTS, GUIDELINES, PROVISIONS, PSTI_REQUIREMENTS, allMappings, guidelinesOf,
  isProvisionId, provisionsOfGuideline,
} from './index.js';

test('EN 303 645 has 68 provisions, 33 of them mandatory', () => {
  assert.equal(PROVISIONS.length, 68);
  assert.equal(PROVISIONS.filter((p) => p.status === 'M').length, 33);
});

test('provision ids are unique, well formed and in document order', () => {
  const ids = PROVISIONS.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const p of PROVISIONS) {
    assert.match(p.id, /^(4|5\.(?:[1-9]|1[0-3])|6)-\d{1,2}$/, p.id);
    assert.equal(p.id.split('-')[0], p.clause);
    assert.ok(p.gist.length > 20 && p.gist.length < 160, `${p.id} gist length`);
    assert.ok(p.phases.length > 0 && p.evidence.length > 0, `${p.id} phases and evidence`);
  }
  const order = ids.map((id) => {
    const [clause = '', n = ''] = id.split('-');
    const [major = '0', minor = '0'] = clause.split('.');
    return Number(major) * 10000 + Number(minor) * 100 + Number(n);
  });
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

test('clause sizes match EN 303 645 V2.1.1', () => {
  const count = (clause: string) => PROVISIONS.filter((p) => p.clause === clause).length;
  const expected: Record<string, number> = {
    '4': 1, '5.1': 5, '5.2': 3, '5.3': 16, '5.4': 4, '5.5': 8, '5.6': 9, '5.7': 2, '5.8': 3, '5.9': 3,
    '5.10': 1, '5.11': 4, '5.12': 3, '5.13': 1, '6': 5,
  };
  for (const [clause, n] of Object.entries(expected)) assert.equal(count(clause), n, clause);
});

test('every condition is used and every used condition exists', () => {
  const defined = new Set(CONDITIONS.map((c) => c.id));
  const used = new Set(PROVISIONS.flatMap((p) => ('condition' in p && p.condition ? [p.condition] : [])));
  assert.deepEqual([...used].sort(), [...defined].sort());
  for (const c of CONDITIONS) assert.match(c.question, /\?$/);
});

test('13 guidelines, the top three flagged as priority', () => {
  assert.deepEqual(GUIDELINES.map((g) => g.id), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  assert.deepEqual(GUIDELINES.filter((g) => g.priority).map((g) => g.id), [1, 2, 3]);
  for (const g of GUIDELINES) assert.ok(g.stakeholders.length > 0);
});

test('every provision is mapped to a guideline and every guideline has provisions', () => {
  for (const p of PROVISIONS) assert.ok(guidelinesOf(p.id).length > 0, p.id);
  for (const g of GUIDELINES) assert.ok(provisionsOfGuideline(g.id).length > 0, `guideline ${g.id}`);
  assert.deepEqual(guidelinesOf('5.3-13'), [3]);
  assert.deepEqual(guidelinesOf('6-1'), [8]);
});

test('every mapping target exists', () => {
  const clauses = new Set(PROVISIONS.map((p) => p.clause));
  const guidelines = new Set(GUIDELINES.map((g) => String(g.id)));
  const sources = new Set([
    ...GUIDELINES.map((g) => `cop:${g.id}`),
    ...PSTI_REQUIREMENTS.map((r) => `psti:${r.paragraph}`),
    ...CRA_REQUIREMENTS.map((r) => `cra:${r.id}`),
  ]);
  for (const m of allMappings()) {
    assert.ok(sources.has(m.from), `unknown source ${m.from}`);
    const [kind, id = ''] = m.to.split(':');
    if (kind === 'etsi') assert.ok(isProvisionId(id) || clauses.has(id), `unknown target ${m.to}`);
    else if (kind === 'cop') assert.ok(guidelines.has(id), `unknown target ${m.to}`);
    else assert.fail(`unknown target kind ${m.to}`);
  }
});

test('PSTI has the three Schedule 1 requirements with Schedule 2 routes for the first two', () => {
  assert.deepEqual(PSTI_REQUIREMENTS.map((r) => r.paragraph), [1, 2, 3]);
  assert.deepEqual(PSTI_REQUIREMENTS[0]?.deemedRoutes[0]?.clauses, ['5.1-1', '5.1-2']);
  assert.ok(PSTI_REQUIREMENTS[1]?.deemedRoutes.some((d) => d.standard.startsWith('ISO/IEC 29147')));
  assert.equal(PSTI_REQUIREMENTS[2]?.deemedRoutes.length, 0);
});

test('CRA Annex I: Part I (1), (2)(a)-(m) and Part II 1-8', () => {
  const ids = CRA_REQUIREMENTS.map((r) => r.id);
  const letters = 'abcdefghijklm'.split('').map((l) => `I-2${l}`);
  assert.deepEqual(ids, ['I-1', ...letters, ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `II-${n}`)]);
  for (const r of CRA_REQUIREMENTS) assert.ok(r.provisions.length > 0, r.id);
});
