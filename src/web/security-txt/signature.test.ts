import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCleartextMessage, generateKey, readPrivateKey, sign } from 'openpgp';
import { hasTool, run } from '../../test-support/corpus.js';
import { parseSecurityTxt } from './parse.js';
import { verifySecurityTxtSignature } from './signature.js';

const BODY = 'Canonical: https://example.com/.well-known/security.txt\nContact: mailto:security@example.com\nExpires: 2030-12-31T00:00:00Z\n';

async function openpgpKey(name: string) {
  const { privateKey, publicKey } = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ name, email: `${name}@example.com` }], format: 'armored' });
  return { privateKey: await readPrivateKey({ armoredKey: privateKey }), publicKey };
}

test('a file signed with openpgp.js verifies; any change to the text breaks it; another key is no-key', async () => {
  const signer = await openpgpKey('signer');
  const other = await openpgpKey('other');
  const signed = await sign({ message: await createCleartextMessage({ text: BODY }), signingKeys: signer.privateKey });
  assert.equal(parseSecurityTxt(Buffer.from(signed), { now: new Date('2026-01-01T00:00:00Z'), url: 'https://example.com/.well-known/security.txt' }).problems.filter((p) => p.level === 'must').length, 0);
  const good = await verifySecurityTxtSignature(signed, [signer.publicKey]);
  assert.equal(good.status, 'verified', good.message);
  assert.ok(good.fingerprint);
  const altered = signed.replace('security@example.com', 'attacker@example.net');
  assert.equal((await verifySecurityTxtSignature(altered, [signer.publicKey])).status, 'invalid');
  assert.equal((await verifySecurityTxtSignature(signed, [other.publicKey])).status, 'no-key');
  assert.equal((await verifySecurityTxtSignature(signed, [])).status, 'no-key');
  assert.equal((await verifySecurityTxtSignature(signed, ['not a key'])).status, 'no-key');
});

test('the RFC example with its "[signature]" placeholder is malformed', async () => {
  const placeholder = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n${BODY}-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v2.2\n\n[signature]\n-----END PGP SIGNATURE-----\n`;
  assert.equal((await verifySecurityTxtSignature(placeholder, [])).status, 'malformed');
});

test('a file clear-signed by GnuPG (the reference implementation) verifies with openpgp.js', { skip: hasTool('gpg') ? false : 'gpg is not installed' }, async () => {
  const home = mkdtempSync(join(tmpdir(), 'iotcop-gpg-'));
  const gpg = (...args: string[]) => run('gpg', ['--homedir', home, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', ...args]);
  gpg('--quick-gen-key', 'Security Team <security@example.com>', 'ed25519', 'sign', 'never');
  const file = join(home, 'security.txt');
  writeFileSync(file, BODY);
  gpg('--clearsign', '--output', `${file}.asc`, file);
  const signed = readFileSync(`${file}.asc`, 'utf8');
  const publicKey = gpg('--armor', '--export', 'security@example.com').toString();
  const parsed = parseSecurityTxt(Buffer.from(signed), { now: new Date('2026-01-01T00:00:00Z'), url: 'https://example.com/.well-known/security.txt' });
  assert.equal(parsed.signed, true);
  assert.deepEqual(parsed.contact, ['mailto:security@example.com']);
  assert.equal((await verifySecurityTxtSignature(signed, [publicKey])).status, 'verified');
  assert.equal((await verifySecurityTxtSignature(signed.replace('2030-12-31', '2031-12-31'), [publicKey])).status, 'invalid');
  if (hasTool('gpgconf')) run('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']);
});
