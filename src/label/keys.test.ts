import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IotcopError } from '../model/index.js';
import { generateLabelKey, loadPublicKeys, loadSigningKey, parsePrivateKey, parsePublicKeys, signLabel, verifyLabel, writeKeyFiles } from './index.js';

const dir = () => mkdtempSync(join(tmpdir(), 'iotcop-keys-'));

test('key files: private key 0600 in PKCS#8, public key as PEM and JWK set, all loading back to the same kid', async () => {
  const key = await generateLabelKey();
  const out = join(dir(), 'keys');
  const files = await writeKeyFiles(out, 'demo', key);
  assert.equal(statSync(files.privateKeyPath).mode & 0o777, 0o600);
  assert.match(readFileSync(files.privateKeyPath, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
  assert.doesNotMatch(readFileSync(files.jwksPath, 'utf8'), /"d"/);
  const loaded = await loadSigningKey(files.privateKeyPath);
  assert.equal(loaded.key.kid, key.kid);
  assert.equal(loaded.loose, false);
  const publics = await loadPublicKeys([files.publicKeyPath, files.jwksPath]);
  assert.deepEqual(publics.map((k) => k.kid), [key.kid, key.kid]);
  const jws = await signLabel({ v: 1, lid: 'ABCD1234', iss: 'x', iat: 1, exp: 4102444800, mfr: 'M', prd: 'P', spe: null, vd: 'iiii', au: null }, loaded.key);
  assert.equal((await verifyLabel(jws, publics)).status, 'valid');
});

test('an existing private key is not replaced without force', async () => {
  const out = dir();
  await writeKeyFiles(out, 'k', await generateLabelKey());
  await assert.rejects(writeKeyFiles(out, 'k', await generateLabelKey()), (e: unknown) => e instanceof IotcopError && e.code === 'ERR_OUTPUT_WRITE');
  const replacement = await generateLabelKey();
  await writeKeyFiles(out, 'k', replacement, true);
  assert.equal((await loadSigningKey(join(out, 'k.key'))).key.kid, replacement.kid);
  assert.equal(statSync(join(out, 'k.key')).mode & 0o777, 0o600);
});

test('a signing key readable by others loads with a warning flag', async () => {
  const path = join(dir(), 'loose.key');
  writeFileSync(path, (await generateLabelKey()).key.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o644 });
  assert.equal((await loadSigningKey(path)).loose, true);
});

test('private JWK in, public JWK taken from a private one, errors never echo key material', async () => {
  const key = await generateLabelKey();
  const jwk = JSON.stringify(key.key.export({ format: 'jwk' }));
  assert.equal((await parsePrivateKey(jwk, 'k.json')).kid, key.kid);
  assert.equal((await parsePublicKeys(jwk, 'k.json'))[0]!.kid, key.kid);
  const broken = jwk.replace(/"d":"[^"]+"/, '"d":"SECRETSECRET"');
  await assert.rejects(parsePrivateKey(broken, 'k.json'), (e: unknown) => e instanceof IotcopError && !e.message.includes('SECRET'));
  await assert.rejects(loadPublicKeys([join(dir(), 'missing.pem')]), (e: unknown) => e instanceof IotcopError && e.code === 'ERR_INPUT_NOT_FOUND');
  await assert.rejects(parsePublicKeys('not a key', 'x.pem'), /not a public key/);
});
