import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryError } from './errors.js';
import { newId } from './ids.js';
import { validGtin } from './products.js';
import { safeUploadPath } from './assessments/upload.js';
import { csvCell, identifiersFromCsv, parseCsv } from './retail/csv.js';
import { canMove, deadlines } from './vdp/states.js';
import { signWebhook } from './webhooks.js';
import { createHmac } from 'node:crypto';

test('GTIN check digits (GS1 mod 10) over 8, 12, 13 and 14 digits', () => {
  for (const ok of ['05060123456783', '4006381333931', '96385074', '036000291452']) assert.equal(validGtin(ok), true, ok);
  for (const bad of ['05060123456782', '4006381333932', '1234567', 'abcdefghijklm', '']) assert.equal(validGtin(bad), false, bad);
});

test('upload paths: relative plain names only', () => {
  assert.equal(safeUploadPath('evidence/policy.md'), 'evidence/policy.md');
  assert.equal(safeUploadPath('fw-2.4.1_final.bin'), 'fw-2.4.1_final.bin');
  for (const bad of ['../x', '/etc/passwd', 'a/../b', 'a\\b', '.env', 'a//b', 'a/', '', 'é.md', `${'a/'.repeat(8)}b`, 'x'.repeat(129)]) {
    assert.throws(() => safeUploadPath(bad), RegistryError, bad);
  }
});

test('CSV: quotes, doubled quotes, CRLF, BOM, header detection, caps', () => {
  assert.deepEqual(parseCsv('a,"b,c","d""e"\r\n\r\nf\n', 10), [['a', 'b,c', 'd"e'], ['f']]);
  assert.deepEqual(identifiersFromCsv('\uFEFFSKU,GTIN\nx, 05060123456783 \ny,\n', 10), ['05060123456783']);
  assert.deepEqual(identifiersFromCsv('SP-200\nCAM-1\n', 10), ['SP-200', 'CAM-1']);
  assert.throws(() => parseCsv('"open', 10), RegistryError);
  assert.throws(() => parseCsv('a\nb\nc\n', 2), RegistryError);
  assert.throws(() => parseCsv('x'.repeat(2000), 10), RegistryError);
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('-2'), "'-2");
  assert.equal(csvCell('a"b'), '"a""b"');
  assert.equal(csvCell(null), '');
});

test('disclosure states only move forward; deadlines follow the promises', () => {
  assert.equal(canMove('received', 'acknowledged'), true);
  assert.equal(canMove('received', 'fixed'), true);
  assert.equal(canMove('fixed', 'triaged'), false);
  assert.equal(canMove('published', 'published'), false);
  const row = { status: 'received' as const, ack_due_at: '2027-01-06T00:00:00.000Z', update_due_at: '2027-01-31T00:00:00.000Z', acknowledged_at: null };
  assert.equal(deadlines(row, new Date('2027-01-05T00:00:00Z')).acknowledgementOverdue, false);
  assert.equal(deadlines(row, new Date('2027-01-07T00:00:00Z')).acknowledgementOverdue, true);
  const triaged = { ...row, status: 'triaged' as const, acknowledged_at: '2027-01-02T00:00:00.000Z' };
  assert.equal(deadlines(triaged, new Date('2027-02-01T00:00:00Z')).updateOverdue, true);
  assert.equal(deadlines({ ...triaged, status: 'fixed' }, new Date('2027-02-01T00:00:00Z')).updateOverdue, false);
  assert.equal(deadlines({ ...triaged, status: 'fixed' }, new Date('2027-02-01T00:00:00Z')).nextUpdateBy, null);
});

test('webhook signatures are HMAC-SHA256 over "<timestamp>.<body>"', () => {
  const expected = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
  assert.equal(signWebhook('s3cret', '1700000000', '{"a":1}'), `sha256=${expected}`);
  assert.notEqual(signWebhook('s3cret', '1700000001', '{"a":1}'), `sha256=${expected}`);
});

test('ids sort in creation order and do not repeat', () => {
  const ids = Array.from({ length: 2000 }, () => newId('vdu'));
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  assert.match(ids[0]!, /^vdu_[0-9a-f]{20}$/);
});
