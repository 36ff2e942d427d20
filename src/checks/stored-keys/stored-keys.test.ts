import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTool, run as runTool } from '../../test-support/corpus.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { storedKeys } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (...trees: Record<string, FileSpec>[]) => storedKeys.run(ctx(evidenceOf(...trees.map((f, i) => firmwareEvidence(`unit${i}.bin`, vfsFromFiles(f))))));

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

/** A Dropbear host key file: SSH strings "ssh-rsa", e, n, d, p, q (mpints). */
function dropbearRsa(): Buffer {
  const jwk = rsa.privateKey.export({ format: 'jwk' });
  const str = (b: Buffer) => { const l = Buffer.alloc(4); l.writeUInt32BE(b.length); return Buffer.concat([l, b]); };
  const mpint = (v: string | undefined) => { const b = Buffer.from(v ?? '', 'base64url'); return str(b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b); };
  return Buffer.concat([str(Buffer.from('ssh-rsa')), mpint(jwk.e), mpint(jwk.n), mpint(jwk.d), mpint(jwk.p), mpint(jwk.q)]);
}

test('private keys in every common encoding are found, with path, format and size', async () => {
  const files: Record<string, FileSpec> = {
    '/etc/ssl/private/server.key': rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }),
    '/etc/ec.pem': ec.privateKey.export({ type: 'sec1', format: 'pem' }),
    '/etc/p8.pem': ec.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    '/etc/enc.pem': rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }),
    '/etc/key.der': rsa.privateKey.export({ type: 'pkcs8', format: 'der' }),
    '/etc/rsa_host_key': dropbearRsa(),
    '/usr/bin/app': Buffer.concat([Buffer.from('\u007fELF....'), Buffer.from(ec.privateKey.export({ type: 'pkcs8', format: 'pem' }))]),
  };
  const findings = await check(files);
  const by = new Map(findings.map((f) => [f.location.path, f]));
  assert.match(by.get('/etc/ssl/private/server.key')?.evidence ?? '', /PEM RSA PRIVATE KEY, RSA 1024/);
  assert.match(by.get('/etc/ec.pem')?.evidence ?? '', /EC PRIVATE KEY, EC prime256v1/);
  assert.match(by.get('/etc/p8.pem')?.evidence ?? '', /PEM PRIVATE KEY, EC/);
  assert.equal(by.get('/etc/enc.pem')?.severity, 'medium');
  assert.match(by.get('/etc/key.der')?.evidence ?? '', /DER PKCS8, RSA 1024/);
  const host = by.get('/etc/rsa_host_key');
  assert.deepEqual([host?.severity, host?.provisions.includes('5.4-4')], ['critical', true]);
  assert.match(host?.evidence ?? '', /Dropbear host key, ssh-rsa 1024/);
  assert.equal(by.get('/usr/bin/app')?.location.offset, 8);
  assert.match(host?.detail ?? '', /Every unit built from this image/);
  assert.ok(!findings.some((f) => f.verdict === 'pass'));
});

test('OpenSSH keys from ssh-keygen, and the same key in several units is called out', { skip: hasTool('ssh-keygen') ? false : 'ssh-keygen not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-keys-'));
  runTool('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')]);
  const key = readFileSync(join(dir, 'id'));
  const findings = await check({ '/etc/ssh/ssh_host_ed25519_key': key }, { '/etc/ssh/ssh_host_ed25519_key': key });
  const f = findings.filter((x) => x.verdict === 'fail');
  assert.equal(f.length, 2);
  assert.match(f[0]!.evidence, /OpenSSH private key, ssh-ed25519/);
  assert.match(f[0]!.detail, /same key is in 2 images/);
});

test('certificates: expired, weak and generic ones are reported; a CA bundle is not', { skip: hasTool('openssl') ? false : 'openssl not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-cert-'));
  runTool('openssl', ['req', '-x509', '-newkey', 'rsa:1024', '-nodes', '-keyout', join(dir, 'k'), '-out', join(dir, 'c'), '-days', '1', '-subj', '/CN=localhost']);
  const cert = readFileSync(join(dir, 'c'));
  // Assessed ten days after the one-day certificate was made: expired.
  const later = new Date(Date.now() + 10 * 86_400_000);
  const evidence = evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles({ '/www/server.pem': cert, '/etc/ssl/certs/ca-certificates.crt': cert })));
  const findings = await storedKeys.run({ ...ctx(evidence), now: later });
  const titles = findings.filter((f) => f.location.path === '/www/server.pem').map((f) => f.title);
  assert.deepEqual(titles.sort(), ['Certificate with a 1024-bit RSA key in /www/server.pem', 'Expired certificate in /www/server.pem', 'Self-signed server certificate in /www/server.pem']);
  assert.ok(!findings.some((f) => f.location.path?.includes('ca-certificates')));
});

test('a clean tree (dropbear keys made at first boot, public keys only) has no failing finding', async () => {
  const findings = await check({
    '/etc/init.d/dropbear': '#!/bin/sh\n[ -f /etc/dropbear/dropbear_rsa_host_key ] || dropbearkey -t rsa -f /etc/dropbear/dropbear_rsa_host_key\n',
    '/etc/opkg/keys/b5043e70f9a75cde': 'untrusted comment: public key b5043e70f9a75cde\nRWS1BD5w+adc3j2Hqg9+b66CvLR7NlHbsj7wjNVj0XGt/othDgIAOJS+\n',
    '/etc/ssl/pub.pem': rsa.publicKey.export({ type: 'spki', format: 'pem' }),
  });
  assert.deepEqual(findings.map((f) => f.verdict), ['pass']);
});
