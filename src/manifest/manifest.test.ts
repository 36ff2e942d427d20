import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONDITIONS, PROVISIONS } from '../catalogue/index.js';
import { IotcopError } from '../model/index.js';
import { looksLikeManifest, manifestTemplate, MANIFEST_SCHEMA_URL, parseManifest } from './index.js';

const schema = JSON.parse(readFileSync(MANIFEST_SCHEMA_URL, 'utf8')) as {
  properties: { conditions: { properties: object } };
  $defs: { provisionId: { enum: string[] } };
};

const answers = {
  manufacturer: 'Example Ltd', address: '1 High St, Leeds', brand: 'Example', model: 'EX-1', type: 'smart plug',
  supportEnd: '2030-03-31', contactEmail: 'security@example.com', policyUrl: 'https://example.com/vdp',
};

function problemsOf(text: string) {
  try {
    parseManifest(text, 'm.yaml', { dir: '/tmp' });
    return [];
  } catch (error) {
    assert.ok(error instanceof IotcopError);
    return error.problems.map((p) => ({ line: p.line, column: p.column, message: p.message, code: error.code as string }));
  }
}

test('the schema lists exactly the catalogue provisions and conditions', () => {
  assert.deepEqual(schema.$defs.provisionId.enum, PROVISIONS.map((p) => p.id));
  assert.deepEqual(Object.keys(schema.properties.conditions.properties), CONDITIONS.map((c) => c.id));
});

test('the init template is valid as written', () => {
  const m = parseManifest(manifestTemplate(answers), 'iotcop.yaml', { dir: '/tmp' });
  assert.equal(m.data.product.model, 'EX-1');
  assert.equal(m.data.supportPeriod?.end, '2030-03-31');
});

test('template values with quotes and colons survive', () => {
  const m = parseManifest(manifestTemplate({ ...answers, manufacturer: 'A "B": C # D' }), 'x.yaml', { dir: '/tmp' });
  assert.equal(m.data.manufacturer.name, 'A "B": C # D');
});

test('each schema problem is reported with its line and column', () => {
  const text = [
    'schemaVersion: 1',
    'manufacturer:',
    '  name: Example',
    'product:',
    '  brand: Example',
    '  modle: EX-1',
    '  type: plug',
    'supportPeriod:',
    '  end: 2030-02-30',
    'attestations:',
    '  "5.1-9": { status: implemented }',
    '  "5.1-5":',
    '    status: not-applicable',
  ].join('\n');
  const problems = problemsOf(text);
  assert.deepEqual(problems.map((p) => [p.line, p.column]), [[2, 1], [4, 1], [6, 3], [9, 8], [11, 3], [12, 3]]);
  assert.ok(problems.every((p) => p.code === 'ERR_MANIFEST_INVALID'));
  assert.match(problems[0]!.message, /manufacturer: missing required property "address"/);
  assert.match(problems[1]!.message, /product: missing required property "model"/);
  assert.match(problems[2]!.message, /unknown property "modle" \(did you mean "model"\?\)/);
  assert.match(problems[3]!.message, /not a valid date/);
  assert.match(problems[4]!.message, /"5.1-9" is not an EN 303 645 provision id/);
  assert.match(problems[5]!.message, /justification/);
});

test('YAML syntax errors are located and never thrown raw', () => {
  const problems = problemsOf('schemaVersion: 1\nproduct:\n  brand: [unclosed\n');
  assert.ok(problems.length > 0);
  assert.equal(problems[0]!.code, 'ERR_MANIFEST_PARSE');
  assert.ok(problems[0]!.line >= 3);
});

test('duplicate keys are an error', () => {
  const problems = problemsOf('schemaVersion: 1\nschemaVersion: 1\n');
  assert.equal(problems[0]?.code, 'ERR_MANIFEST_PARSE');
  assert.equal(problems[0]?.line, 2);
});

test('confined manifests may not point outside their folder', () => {
  const text = manifestTemplate(answers).replace('firmware: []', 'firmware:\n  - version: "1"\n    image: ../../etc/shadow');
  assert.doesNotThrow(() => parseManifest(text, 'm.yaml', { dir: '/tmp' }));
  assert.throws(() => parseManifest(text, 'm.yaml', { dir: '/tmp', confine: true }), (e: IotcopError) =>
    e.code === 'ERR_MANIFEST_INVALID' && /must stay inside/.test(e.problems[0]?.message ?? ''));
});

test('alias bombs are refused', () => {
  const bomb = ['schemaVersion: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n');
  assert.throws(() => parseManifest(bomb, 'bomb.yaml', { dir: '/tmp' }));
});

test('manifests are recognised by content', () => {
  assert.equal(looksLikeManifest(Buffer.from(manifestTemplate(answers))), true);
  assert.equal(looksLikeManifest(Buffer.from('manufacturer: {name: x}\nproduct: {model: y}\n')), true);
  assert.equal(looksLikeManifest(Buffer.from('hsqs\0\0\0binary')), false);
  assert.equal(looksLikeManifest(Buffer.from('just: yaml\n')), false);
});
