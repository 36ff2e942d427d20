import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCleartextMessage, generateKey, readPrivateKey, sign } from 'openpgp';
import { checkContext, webEvidence } from '../../test-support/web.js';
import { securityTxt } from './index.js';

const URL_WK = 'https://example.com/.well-known/security.txt';
const URL_LEGACY = 'https://example.com/security.txt';
const CLEAN = 'Contact: mailto:security@example.com\nExpires: 2027-06-30T23:59:59Z\nPolicy: https://example.com/vdp\n';

const verdicts = async (pages: Parameters<typeof webEvidence>[0], manifest = {}) =>
  (await securityTxt.run(checkContext(webEvidence(pages, manifest)))).map((f) => `${f.verdict}:${f.location.line ?? 0}:${f.title}`);

test('a clean, current file gives a pass (and only the signing recommendation)', async () => {
  const findings = await securityTxt.run(checkContext(webEvidence([{ purpose: 'security-txt', url: URL_WK, body: CLEAN }, { purpose: 'security-txt-legacy', url: URL_LEGACY, status: 404 }])));
  assert.deepEqual(findings.filter((f) => f.verdict === 'fail'), []);
  assert.deepEqual(findings.map((f) => f.verdict).sort(), ['inconclusive', 'pass']);
  assert.match(findings.find((f) => f.verdict === 'pass')!.detail, /security@example.com/);
  assert.match(findings.find((f) => f.verdict === 'inconclusive')!.title, /not signed/);
});

test('an expired file or one without Contact fails, each problem at its line', async () => {
  const expired = await verdicts([{ purpose: 'security-txt', url: URL_WK, body: 'Contact: mailto:s@example.com\nExpires: 2025-01-01T00:00:00Z\n' }]);
  assert.ok(expired.some((v) => v.startsWith('fail:2:security.txt line 2: the file expired')), expired.join('\n'));
  assert.ok(!expired.some((v) => v.startsWith('pass')));
  const noContact = await verdicts([{ purpose: 'security-txt', url: URL_WK, body: 'Expires: 2027-01-01T00:00:00Z\nPolicy: https://example.com/p\n' }]);
  assert.ok(noContact.some((v) => v.startsWith('fail:0:') && v.includes('no Contact')));
});

test('syntax problems are reported at their lines without failing the provision', async () => {
  const v = await verdicts([{ purpose: 'security-txt', url: URL_WK, body: `${CLEAN}Hiring:https://example.com/jobs\nPreferred-Languages: en_GB\n`, contentType: 'text/html' }]);
  assert.ok(v.includes('inconclusive:4:security.txt line 4: the Hiring field needs exactly one space after the colon'), v.join('\n'));
  assert.ok(v.some((x) => x.startsWith('inconclusive:5:')));
  assert.ok(v.some((x) => x.startsWith('inconclusive:0:') && x.includes('text/plain')));
  assert.ok(!v.some((x) => x.startsWith('fail')));
});

test('a Canonical that does not list the URL fails', async () => {
  const v = await verdicts([{ purpose: 'security-txt', url: URL_WK, body: `Canonical: https://other.example/.well-known/security.txt\n${CLEAN}` }]);
  assert.ok(v.some((x) => x.startsWith('fail:1:')), v.join('\n'));
});

test('only the legacy location is flagged; no file at all is a weak finding unless the manifest declares it', async () => {
  const legacy = await verdicts([{ purpose: 'security-txt', url: URL_WK, status: 404 }, { purpose: 'security-txt-legacy', url: URL_LEGACY, body: CLEAN }]);
  assert.ok(legacy.some((x) => x.includes('legacy location')));
  assert.ok(legacy.some((x) => x.startsWith('pass')));
  const none = [{ purpose: 'security-txt' as const, url: URL_WK, status: 404 }, { purpose: 'security-txt-legacy' as const, url: URL_LEGACY, status: 404 }];
  assert.deepEqual((await verdicts(none)).map((x) => x.split(':')[0]), ['inconclusive']);
  assert.deepEqual((await verdicts(none, { vulnerabilityDisclosure: { securityTxtUrl: URL_WK } })).map((x) => x.split(':')[0]), ['fail']);
});

test('a bad certificate fails; a timeout or a missing saved copy is inconclusive', async () => {
  assert.deepEqual((await verdicts([{ purpose: 'security-txt', url: URL_WK, error: { code: 'tls', message: 'CERT_HAS_EXPIRED' } }])).map((x) => x.split(':')[0]), ['fail']);
  assert.deepEqual((await verdicts([{ purpose: 'security-txt', url: URL_WK, error: { code: 'timeout', message: 'timed out' } }])).map((x) => x.split(':')[0]), ['inconclusive']);
});

test('a signed file is verified with the key at its Encryption URL; a changed one fails', async () => {
  const { privateKey, publicKey } = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ email: 'security@example.com' }], format: 'armored' });
  const text = `Canonical: ${URL_WK}\nContact: mailto:security@example.com\nEncryption: https://example.com/pgp-key.txt\nExpires: 2027-06-30T23:59:59Z\n`;
  const signed = await sign({ message: await createCleartextMessage({ text }), signingKeys: await readPrivateKey({ armoredKey: privateKey }) });
  const key = { purpose: 'pgp-key' as const, url: 'https://example.com/pgp-key.txt', body: publicKey, contentType: 'text/plain' };
  const good = await securityTxt.run(checkContext(webEvidence([{ purpose: 'security-txt', url: URL_WK, body: signed }, key])));
  assert.deepEqual(good.map((f) => f.verdict), ['pass']);
  assert.match(good[0]!.detail, /signature verified/);
  const changed = await verdicts([{ purpose: 'security-txt', url: URL_WK, body: signed.replace('security@example.com', 'evil@example.net') }, key]);
  assert.ok(changed.some((x) => x.startsWith('fail') && x.includes('signature does not match')), changed.join('\n'));
});
