import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestEvidence } from '../../test-support/manifest.js';
import type { CheckContext } from '../types.js';
import { supportPeriod } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });

test('a declared, published, running support period gives no finding', async () => {
  const findings = await supportPeriod.run(ctx(manifestEvidence({ supportPeriod: { end: '2030-03-31', url: 'https://example.com/support' } })));
  assert.deepEqual(findings, []);
});

test('no support period fails 5.3-13', async () => {
  const [f, ...rest] = await supportPeriod.run(ctx(manifestEvidence({})));
  assert.equal(rest.length, 0);
  assert.deepEqual([f?.verdict, f?.provisions], ['fail', ['5.3-13']]);
});

test('an ended support period fails 5.3-8; the last day itself still counts', async () => {
  const ended = await supportPeriod.run(ctx(manifestEvidence({ supportPeriod: { end: '2026-11-24', url: 'https://e.com/s' } })));
  assert.deepEqual(ended.map((f) => [f.verdict, f.provisions[0]]), [['fail', '5.3-8']]);
  assert.match(ended[0]!.detail, /1 days ago|ended on 2026-11-24/);
  assert.deepEqual(await supportPeriod.run(ctx(manifestEvidence({ supportPeriod: { end: '2026-11-25', url: 'https://e.com/s' } }))), []);
});

test('without a publication URL it stays inconclusive, never pass', async () => {
  const evidence = manifestEvidence({ supportPeriod: { end: '2030-03-31' } });
  const findings = await supportPeriod.run(ctx(evidence));
  assert.deepEqual(findings.map((f) => f.verdict), ['inconclusive']);
  assert.equal(findings[0]!.location.line, evidence.manifest!.manifest.locate(['supportPeriod', 'end']).line);
  assert.ok(findings[0]!.location.line > 1);
});
