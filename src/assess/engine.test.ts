import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { IotcopError } from '../model/index.js';
import { jsonRenderer } from '../report/json.js';
import { REPO_ROOT } from '../test-support/corpus.js';
import { writeManifest } from '../test-support/manifest.js';
import type { Check } from '../checks/types.js';
import { assess } from './engine.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'smart-plug', 'iotcop.yaml');
const NOW = new Date('2026-11-25T12:00:00Z');
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

test('the example product gets every kind of verdict and a valid report', async () => {
  const report = await assess({ inputs: [EXAMPLE], now: NOW });
  const verdicts = new Set(report.provisions.map((p) => p.verdict));
  assert.deepEqual([...verdicts].sort(), ['fail', 'inconclusive', 'not-applicable', 'pass']);
  assert.equal(report.provisions.length, 68);
  assert.equal(report.guidelines.length, 13);
  assert.equal(report.psti.verdict, 'pass');
  assert.match(report.psti.requirements[0]!.route ?? '', /5\.1-1 and 5\.1-2/);
  assert.equal(report.etsi.verdict, 'fail');
  assert.equal(report.provisions.find((p) => p.id === '5.1-5')?.verdict, 'fail');
  assert.equal(report.provisions.find((p) => p.id === '5.5-1')?.verdict, 'inconclusive', 'changed pen-test report');
  for (const p of report.provisions) if (p.verdict === 'not-applicable') assert.ok(p.justification.length > 10, p.id);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8')) as object);
  assert.ok(validate(JSON.parse(jsonRenderer.render(report))), JSON.stringify(validate.errors));
});

test('two runs on the same input give byte-identical JSON apart from generatedAt', async () => {
  const a = jsonRenderer.render(await assess({ inputs: [EXAMPLE], now: NOW }));
  const b = jsonRenderer.render(await assess({ inputs: [EXAMPLE], now: new Date('2026-11-25T12:00:00Z') }));
  assert.equal(a, b);
  const c = jsonRenderer.render(await assess({ inputs: [EXAMPLE], now: new Date('2026-11-26T08:00:00Z') }));
  assert.equal(a.replace(/"generatedAt": "[^"]+"/, ''), c.replace(/"generatedAt": "[^"]+"/, ''));
});

test('a support period that has ended fails 5.3-8', async () => {
  const path = writeManifest({ supportPeriod: { end: '2025-01-31', url: 'https://example.com/support' } });
  const report = await assess({ inputs: [path], now: NOW });
  assert.equal(report.provisions.find((p) => p.id === '5.3-8')?.verdict, 'fail');
});

test('a check that crashes makes its provisions inconclusive and the run goes on', async () => {
  const broken: Check = { id: 'broken', title: 'Broken', provisions: ['5.13-1'], severity: 'low', needs: ['declaration'], run: () => Promise.reject(new Error('boom')) };
  const report = await assess({ inputs: [writeManifest({})], now: NOW, extraChecks: [broken] });
  assert.equal(report.checks.find((c) => c.id === 'broken')?.status, 'error');
  const p = report.provisions.find((r) => r.id === '5.13-1')!;
  assert.equal(p.verdict, 'inconclusive');
  assert.match(p.justification, /could not complete/);
});

test('checks without their evidence are skipped with the reason', async () => {
  const needsFirmware: Check = { id: 'needs-fw', title: 'Needs firmware', provisions: ['5.4-3'], severity: 'high', needs: ['firmware'], run: () => Promise.resolve([]) };
  const report = await assess({ inputs: [writeManifest({})], now: NOW, checks: [needsFirmware] });
  assert.equal(report.checks[0]?.status, 'skipped');
  assert.match(report.provisions.find((p) => p.id === '5.4-3')!.justification, /needs-fw/);
});

test('two manifests in one assessment are a usage error', async () => {
  await assert.rejects(assess({ inputs: [writeManifest({}), writeManifest({})], now: NOW }), (e: IotcopError) => e.code === 'ERR_USAGE');
});

test('a missing input is an input error', async () => {
  await assert.rejects(assess({ inputs: ['/nonexistent/iotcop.yaml'] }), (e: IotcopError) => e.code === 'ERR_INPUT_NOT_FOUND');
});
