import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionText, statusCode } from './labels.js';
import { hostPort, locationParts, locationText, offsetText } from './location.js';
import { oneLine, visible } from './text.js';

test('visible() shows control, bidi and lone-surrogate characters as escapes and keeps tab/LF/CR', () => {
  assert.equal(visible('a\u0000b\u001bc\u007f'), 'a\\x00b\\x1bc\\x7f');
  assert.equal(visible('abc\u202Efdp.exe'), 'abc\\u202efdp.exe');
  assert.equal(visible('x\u2066y\u2069\uFEFF'), 'x\\u2066y\\u2069\\ufeff');
  assert.equal(visible('\uD800 and \uDC00'), '\\ud800 and \\udc00');
  assert.equal(visible('tab\tline\nret\r'), 'tab\tline\nret\r');
  assert.equal(visible('caf\u00e9 \u{1F600}'), 'caf\u00e9 \u{1F600}', 'ordinary non-ASCII is kept');
});

test('oneLine() folds every line-break convention', () => {
  assert.equal(oneLine('a\r\nb\nc\rd\u2028e'), 'a b c d e');
});

test('every location field is rendered, in a fixed order', () => {
  const parts = locationParts({ url: 'https://x.example/', port: 23, host: 'fe80::1', offset: 255, line: 4, path: '/etc/passwd', image: 'fw.bin' });
  assert.deepEqual(parts.map((p) => p.key), ['image', 'path', 'line', 'offset', 'host', 'port', 'url']);
  assert.equal(parts.find((p) => p.key === 'offset')?.value, '0xff (255)');
  assert.equal(parts.find((p) => p.key === 'path')?.label, 'Path in image');
  assert.equal(locationParts({ path: 'iotcop.yaml' })[0]?.label, 'File');
  assert.deepEqual(locationParts({}), []);
});

test('locationText() covers image paths, offsets, endpoints and URLs', () => {
  assert.equal(locationText({ image: 'fw.bin', path: '/etc/shadow', line: 3 }), 'fw.bin!/etc/shadow:3');
  assert.equal(locationText({ image: 'fw.bin', offset: 4096 }), 'fw.bin @0x1000');
  assert.equal(locationText({ host: 'fe80::1', port: 23 }), '[fe80::1]:23');
  assert.equal(locationText({ host: '192.0.2.1' }), '192.0.2.1');
  assert.equal(locationText({ url: 'https://a.example/p' }), 'https://a.example/p');
  assert.equal(locationText({}), '(no location)');
  assert.equal(hostPort('[::1]', 80), '[::1]:80');
  assert.equal(offsetText(0), '0x0 (0)');
});

test('status codes follow EN 303 645 Annex B (M, R, M C, R C)', () => {
  const condition = { id: 'telemetry' as const, question: 'Is telemetry collected?', answer: null };
  assert.equal(statusCode({ status: 'M' }), 'M');
  assert.equal(statusCode({ status: 'R', condition }), 'R C');
  assert.equal(conditionText(condition), 'Is telemetry collected? (telemetry: applies if yes; answer: not answered)');
  assert.equal(conditionText({ ...condition, id: 'constrained', answer: false }), 'Is telemetry collected? (constrained: applies if no; answer: no)');
});
