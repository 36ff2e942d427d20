import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test-support/corpus.js';
import { captureIo } from '../../test-support/io.js';
import { writeManifest } from '../../test-support/manifest.js';
import { main } from '../main.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'smart-plug');
const MANIFEST = join(EXAMPLE, 'iotcop.yaml');
const WEB = ['--web-snapshot', join(EXAMPLE, 'web'), '--now', '2026-11-25'];
const cli = async (...args: string[]) => {
  const io = captureIo();
  const code = await main(['node', 'iotcop', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
};
const out = mkdtempSync(join(tmpdir(), 'iotcop-cli-label-'));

test('keys generate writes a 0600 private key and never prints key material', async () => {
  const r = await cli('keys', 'generate', '--out-dir', join(out, 'keys'), '--name', 't', '--json');
  assert.equal(r.code, 0, r.err);
  const files = JSON.parse(r.out) as { privateKeyPath: string; kid: string };
  assert.equal(statSync(files.privateKeyPath).mode & 0o777, 0o600);
  const secret = readFileSync(files.privateKeyPath, 'utf8').split('\n')[1]!;
  assert.ok(!r.out.includes(secret) && !r.out.includes('PRIVATE KEY'));
  assert.equal((await cli('keys', 'generate', '--out-dir', join(out, 'keys'), '--name', 't')).code, 2, 'no silent overwrite');
});

test('label writes SVG, PNG, PDF and JWS; verify says valid (exit 0), tampered or unknown key (exit 1)', async () => {
  await cli('keys', 'generate', '--out-dir', join(out, 'k2'), '--name', 'l');
  const made = await cli('label', MANIFEST, ...WEB, '--key', join(out, 'k2', 'l.key'), '--registry', 'https://registry.example', '--out-dir', join(out, 'label'), '--json');
  assert.equal(made.code, 0, made.err);
  const info = JSON.parse(made.out) as { payload: { vd: string; spe: string } };
  assert.deepEqual([info.payload.vd, info.payload.spe], ['pppf', '2030-03-31']);
  const keys = ['--keys', join(out, 'k2', 'l.jwks.json'), '--now', '2027-01-01'];
  for (const file of ['label.png', 'label.svg', 'label.jws']) {
    const v = await cli('label', 'verify', join(out, 'label', file), ...keys);
    assert.equal(v.code, 0, `${file}: ${v.out}${v.err}`);
    assert.match(v.out, /^valid:/);
  }
  const jws = readFileSync(join(out, 'label', 'label.jws'), 'utf8').trim();
  const [h, p, s] = jws.split('.') as [string, string, string];
  const forged = `${h}.${Buffer.from(Buffer.from(p, 'base64url').toString().replace('pppf', 'pppp')).toString('base64url')}.${s}`;
  const tampered = await cli('label', 'verify', forged, ...keys, '--json');
  assert.equal(tampered.code, 1);
  assert.equal((JSON.parse(tampered.out) as { status: string }).status, 'tampered');
  await cli('keys', 'generate', '--out-dir', join(out, 'k3'), '--name', 'other');
  const unknown = await cli('label', 'verify', join(out, 'label', 'label.png'), '--keys', join(out, 'k3', 'other.pub.pem'));
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /^unknown-key/);
});

test('generate statement writes HTML and PDF for the example; refuses (exit 2) an unsupported declaration unless --force', async () => {
  const sign = ['--signatory', 'Amira Patel', '--function', 'Head of Product Security', '--place', 'Leeds'];
  const ok = await cli('generate', 'statement', MANIFEST, ...WEB, ...sign, '--out-dir', join(out, 'st'));
  assert.equal(ok.code, 0, ok.err);
  const html = readFileSync(join(out, 'st', 'statement.html'), 'utf8');
  for (const item of ['Smart plug with energy monitoring', '2026-W40 to 2026-W52', 'Brightwatt Devices Ltd, Unit 4, Foundry Yard, Leeds LS9 8AB', 'prepared by or on behalf of the manufacturer',
    'deemed met by complying with ETSI EN 303 645 V2.1.1 provisions 5.1-1 and 5.1-2', '31 March 2030', 'Amira Patel, Head of Product Security', 'Leeds, 25 November 2026']) {
    assert.ok(html.includes(item), item);
  }
  assert.equal(readFileSync(join(out, 'st', 'statement.pdf')).subarray(0, 5).toString(), '%PDF-');
  const weak = writeManifest({ supportPeriod: { end: '2030-01-01' } });
  const refused = await cli('generate', 'statement', weak, '--offline', ...sign, '--out-dir', join(out, 'st2'));
  assert.equal(refused.code, 2);
  assert.match(refused.err, /does not support a statement of compliance/);
  const draft = await cli('generate', 'statement', weak, '--offline', ...sign, '--out-dir', join(out, 'st3'), '--force');
  assert.equal(draft.code, 0);
  assert.match(readFileSync(join(out, 'st3', 'statement.html'), 'utf8'), /DRAFT: not a statement of compliance/);
});

test('generate security-txt makes a valid file, signed when given an OpenPGP key', async () => {
  const r = await cli('generate', 'security-txt', MANIFEST, '--now', '2026-11-25');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Contact: mailto:security@brightwatt.example$/m);
  assert.match(r.out, /^Expires: 2027-11-24T23:59:59Z$/m);
  assert.match(r.out, /^Canonical: https:\/\/brightwatt.example\/.well-known\/security.txt$/m);
  const { generateKey } = await import('openpgp');
  const { privateKey, publicKey } = await generateKey({ type: 'ecc', curve: 'ed25519Legacy', userIDs: [{ email: 'security@brightwatt.example' }], format: 'armored' });
  writeFileSync(join(out, 'pgp.asc'), privateKey);
  const signed = await cli('generate', 'security-txt', MANIFEST, '--pgp-key', join(out, 'pgp.asc'), '--out', join(out, 'security.txt'));
  assert.equal(signed.code, 0, signed.err);
  const { verifySecurityTxtSignature } = await import('../../web/security-txt/index.js');
  assert.equal((await verifySecurityTxtSignature(readFileSync(join(out, 'security.txt'), 'utf8'), [publicKey])).status, 'verified');
  assert.equal((await cli('generate', 'security-txt', writeManifest({}))).code, 2);
});
