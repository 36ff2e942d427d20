import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { corpusFile } from '../../test-support/corpus.js';
import { candidatesFor, knownPairs, MIRAI, MIRAI_SOURCE, VENDOR_DEFAULTS } from './index.js';

const csv = corpusFile('credentials/mirai-scanner-credentials.csv');

test('every Mirai scanner pair of the corpus is in the dataset, with the Mirai source', { skip: csv ? false : 'corpus not present' }, () => {
  const pairs = knownPairs();
  const rows = readFileSync(csv!, 'utf8').trim().split('\n').slice(1);
  assert.equal(rows.length, 61);
  for (const row of rows) {
    const [user, password] = row.split(',');
    assert.ok(pairs.get(`${user}\u0000${password}`)?.includes(MIRAI_SOURCE), `${user}:${password}`);
  }
});

test('the dataset holds 61 distinct Mirai pairs and names a source for every vendor default', () => {
  assert.equal(new Set(MIRAI.map(([u, p]) => `${u}:${p}`)).size, 61);
  for (const v of VENDOR_DEFAULTS) assert.ok(v.source.length > 10, `${v.user}:${v.password}`);
});

test('candidates for root start with the pairs known for root, each password once', () => {
  const list = candidatesFor('root');
  assert.deepEqual(list.slice(0, 3).map((c) => c.password), ['xc3511', 'vizxv', 'admin']);
  assert.equal(new Set(list.map((c) => c.password)).size, list.length);
  assert.ok(list.find((c) => c.password === '')?.sources.includes(MIRAI_SOURCE));
  assert.ok(list.length > 250);
});
