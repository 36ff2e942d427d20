import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { before, test } from 'node:test';
import { RENDERERS, rendererFor } from './registry.js';
import { assessExample, hostileReport } from './test-support/sample.js';
import { reportValidator } from './test-support/validators.js';
import type { Report } from './types.js';

let first: Report;
let second: Report;
let hostile: Report;
before(async () => {
  first = await assessExample();
  second = await assessExample();
  hostile = hostileReport(first);
});

test('the registry lists every format once, each with its own file name', () => {
  assert.deepEqual(RENDERERS.map((r) => r.id), ['json', 'html', 'sarif', 'md', 'ics-csv', 'ics-md']);
  assert.deepEqual(RENDERERS.map((r) => r.fileName), ['report.json', 'report.html', 'report.sarif', 'report.md', 'ics.csv', 'ics.md']);
  assert.equal(rendererFor('sarif')?.mediaType, 'application/sarif+json');
  assert.equal(rendererFor('pdf'), undefined);
});

test('every renderer folder has an index, a readme and a test, and is registered', async () => {
  const dir = new URL('./', import.meta.url);
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !['common', 'test-support'].includes(d.name)).map((d) => d.name).sort();
  assert.deepEqual(folders, ['html', 'ics', 'markdown', 'sarif']);
  for (const folder of folders) {
    assert.ok(existsSync(new URL(`${folder}/readme.md`, dir)), `${folder}/readme.md`);
    assert.ok(readdirSync(new URL(folder, dir)).some((f) => f.endsWith('.test.ts')), `${folder} has tests`);
    const exported = Object.values(await import(`./${folder}/index.js`) as Record<string, unknown>);
    assert.ok(exported.length > 0 && exported.every((r) => RENDERERS.includes(r as never)), `${folder} renderers are in the registry`);
  }
});

test('every renderer gives byte-identical output for the same report', () => {
  for (const r of RENDERERS) {
    assert.equal(r.render(first), r.render(first), r.id);
    assert.equal(r.render(hostile), r.render(hostile), r.id);
  }
});

test('two assessments of the example at the same date render identically apart from generatedAt', () => {
  const stamp = (text: string) => text.replaceAll(first.generatedAt, '<generatedAt>');
  for (const r of RENDERERS) assert.equal(stamp(r.render(second)), stamp(r.render(first)), r.id);
  // The date really is in the outputs that carry it, so the comparison above is not vacuous.
  assert.ok(rendererFor('html')!.render(first).includes(first.generatedAt));
});

test('the JSON report validates against schema/report.schema.json, hostile strings included', () => {
  const validate = reportValidator();
  for (const report of [first, hostile]) {
    const parsed: unknown = JSON.parse(rendererFor('json')!.render(report));
    assert.ok(validate(parsed), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  }
  assert.equal(validate({ ...first, provisions: first.provisions.slice(1) }), false, '67 provisions are rejected');
});
