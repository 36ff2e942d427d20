import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { CompactSign } from 'jose';
import { IotcopError } from '../model/index.js';
import {
  generateLabelKey, labelIdFor, labelUrl, parseLabelUrl, signLabel, signRevocationList, verifyLabel, verifyLabelUrl, verifyRevocationList,
  type LabelPayload,
} from './index.js';

const ISSUED = Date.UTC(2026, 10, 25) / 1000;
const payload: LabelPayload = {
  v: 1, lid: '7KQ3M9XW2P', iss: 'brightwatt.example', iat: ISSUED, exp: Date.UTC(2030, 3, 1) / 1000,
  mfr: 'Brightwatt Devices Ltd', prd: 'Brightwatt SP-200', spe: '2030-03-31', vd: 'pppf', au: true,
};
const at = (iso: string) => ({ now: new Date(iso) });
const key = await generateLabelKey();
const trusted = [{ kid: key.kid, key: key.publicKey }];

test('a signed label verifies and returns exactly the signed facts', async () => {
  const jws = await signLabel(payload, key);
  const result = await verifyLabel(jws, trusted, at('2027-01-01T00:00:00Z'));
  assert.equal(result.status, 'valid', result.reason);
  assert.deepEqual(result.payload, payload);
  assert.equal(result.kid, key.kid);
  assert.match(result.reason, /revocation not checked/);
});

test('signing is deterministic and key order does not matter', async () => {
  const shuffled = Object.fromEntries(Object.entries(payload).reverse()) as unknown as LabelPayload;
  assert.equal(await signLabel(shuffled, key), await signLabel(payload, key));
});

test('every single changed character of the JWS is rejected', async () => {
  const jws = await signLabel(payload, key);
  for (let i = 0; i < jws.length; i++) {
    if (jws[i] === '.') continue;
    const replaced = jws[i] === 'A' ? 'B' : 'A';
    const result = await verifyLabel(jws.slice(0, i) + replaced + jws.slice(i + 1), trusted, at('2027-01-01T00:00:00Z'));
    assert.notEqual(result.status, 'valid', `changing character ${i} went unnoticed`);
    assert.equal(result.payload, undefined);
  }
});

test('a changed byte of the payload or of the signature is tampered, with the reason', async () => {
  const [h, p, s] = (await signLabel(payload, key)).split('.') as [string, string, string];
  const json = Buffer.from(p, 'base64url').toString().replace('2030-03-31', '2031-03-31');
  const forged = await verifyLabel(`${h}.${Buffer.from(json).toString('base64url')}.${s}`, trusted);
  assert.equal(forged.status, 'tampered');
  assert.match(forged.reason, /signature does not match/);
  const sig = Buffer.from(s, 'base64url');
  sig[10] = sig[10]! ^ 1;
  assert.equal((await verifyLabel(`${h}.${p}.${sig.toString('base64url')}`, trusted)).status, 'tampered');
});

test('a label signed by another key is unknown-key; a forged kid is tampered', async () => {
  const other = await generateLabelKey();
  const foreign = await verifyLabel(await signLabel(payload, other), trusted);
  assert.equal(foreign.status, 'unknown-key');
  assert.equal(foreign.kid, other.kid);
  const spoofed = await new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: key.kid }).sign(other.key);
  assert.equal((await verifyLabel(spoofed, trusted)).status, 'tampered');
});

test('expiry and issue date are checked against the given time', async () => {
  const jws = await signLabel(payload, key);
  const expired = await verifyLabel(jws, trusted, at('2030-04-01T00:00:00Z'));
  assert.equal(expired.status, 'expired');
  assert.match(expired.reason, /2030-04-01T00:00:00Z/);
  assert.deepEqual(expired.payload, payload);
  assert.equal((await verifyLabel(jws, trusted, at('2026-11-24T00:00:00Z'))).status, 'tampered');
});

test('revocation by label id and by key, from a signed list; a revoked label outranks an expired one', async () => {
  const jws = await signLabel(payload, key);
  const listJws = await signRevocationList({ v: 1, iss: 'brightwatt.example', iat: ISSUED + 86400, labels: [{ lid: payload.lid, at: ISSUED + 3600, reason: 'wrong support period printed' }], keys: [] }, key);
  const list = await verifyRevocationList(listJws, trusted);
  const revoked = await verifyLabel(jws, trusted, { now: new Date('2031-01-01T00:00:00Z'), revocationList: list });
  assert.equal(revoked.status, 'revoked');
  assert.match(revoked.reason, /wrong support period printed/);
  const keyList = await verifyRevocationList(await signRevocationList({ v: 1, iss: 'x', iat: ISSUED, labels: [], keys: [{ kid: key.kid, at: ISSUED, reason: 'key leaked' }] }, key), trusted);
  assert.match((await verifyLabel(jws, trusted, { now: new Date('2027-01-01T00:00:00Z'), revocationList: keyList })).reason, /key leaked/);
  const clean = await verifyRevocationList(await signRevocationList({ v: 1, iss: 'x', iat: ISSUED, labels: [], keys: [] }, key), trusted);
  assert.match((await verifyLabel(jws, trusted, { now: new Date('2027-01-01T00:00:00Z'), revocationList: clean })).reason, /not revoked/);
});

test('a revocation list is not a label, a label is not a revocation list, and an untrusted list is refused', async () => {
  const listJws = await signRevocationList({ v: 1, iss: 'x', iat: ISSUED, labels: [], keys: [] }, key);
  assert.equal((await verifyLabel(listJws, trusted)).status, 'tampered');
  await assert.rejects(verifyRevocationList(await signLabel(payload, key), trusted), (e: unknown) => e instanceof IotcopError && e.code === 'ERR_LABEL_INVALID');
  await assert.rejects(verifyRevocationList(listJws, []), /cannot be trusted/);
});

test('malformed input is tampered, never a crash', async () => {
  for (const junk of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.##', `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`, 'x'.repeat(10_000_000)]) {
    assert.equal((await verifyLabel(junk, trusted)).status, 'tampered', junk.slice(0, 20));
  }
  const hs = `${Buffer.from('{"alg":"HS256","kid":"k"}').toString('base64url')}.e30.AAAA`;
  assert.match((await verifyLabel(hs, trusted)).reason, /HS256, not EdDSA/);
  const notLabel = await new CompactSign(Buffer.from('{"v":1}')).setProtectedHeader({ alg: 'EdDSA', kid: key.kid }).sign(key.key);
  assert.match((await verifyLabel(notLabel, trusted)).reason, /not a label payload/);
});

test('signLabel refuses a payload that does not follow the schema', async () => {
  await assert.rejects(signLabel({ ...payload, vd: 'pppx' as LabelPayload['vd'] }, key), /vd/);
  await assert.rejects(signLabel({ ...payload, exp: payload.iat }, key), /after iat/);
  await assert.rejects(signLabel({ ...payload, extra: 1 } as LabelPayload, key), /additional/);
});

test('label URL: build, parse, verify, and a JWS moved to another label id is tampered', async () => {
  const jws = await signLabel(payload, key);
  const url = labelUrl('https://registry.example/iotcop/', payload.lid, jws);
  assert.equal(url, `https://registry.example/iotcop/p/7KQ3M9XW2P?s=${jws}`);
  assert.deepEqual(parseLabelUrl(url), { registry: 'https://registry.example/iotcop', lid: payload.lid, jws });
  assert.equal((await verifyLabelUrl(url, trusted, at('2027-01-01T00:00:00Z'))).status, 'valid');
  const moved = await verifyLabelUrl(url.replace('/p/7KQ3M9XW2P', '/p/OTHER1234'), trusted, at('2027-01-01T00:00:00Z'));
  assert.equal(moved.status, 'tampered');
  assert.throws(() => labelUrl('http://registry.example', 'x', jws), /https/);
  assert.equal(parseLabelUrl('https://example.com/about'), undefined);
});

test('label ids are stable, short and in Crockford base32', () => {
  const id = labelIdFor(['brightwatt.example', 'Brightwatt', 'SP-200', ISSUED]);
  assert.match(id, /^[0-9A-HJKMNP-TV-Z]{10}$/);
  assert.equal(labelIdFor(['brightwatt.example', 'Brightwatt', 'SP-200', ISSUED]), id);
  assert.notEqual(labelIdFor(['brightwatt.example', 'Brightwatt', 'SP-201', ISSUED]), id);
});

test('a non-Ed25519 key is refused for signing', async () => {
  const { parsePrivateKey } = await import('./keys.js');
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  await assert.rejects(parsePrivateKey(ec, 'ec.pem'), (e: unknown) => e instanceof IotcopError && e.code === 'ERR_KEY_INVALID' && /Ed25519/.test(e.message));
});
