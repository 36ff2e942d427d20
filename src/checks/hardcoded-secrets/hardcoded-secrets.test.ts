import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { hardcodedSecrets } from './index.js';
import { RULES } from './rules.js';
import { scanFile } from './scan.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (files: Record<string, FileSpec>) => hardcodedSecrets.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files)))));

// Made-up values in the shape of real ones (none is a live credential).
const SAMPLES: Record<string, string> = {
  'aws-access-key-id': 'key_id = AKIAQ3EGRDWRXJ5T7ZPU',
  'aws-secret-key': 'aws_secret_access_key = "k8Jq2vN0pZr7TxW4mB1sYc9LdE6hFa3GuQ5oRi0V"',
  'github-token': 'export GH=ghp_4fT9kQ2mZ8xW1vB7nR3cY6pL0sJ5dH2aE9uK',
  'slack-token': 'hook: xoxb-123456789012-abcdefABCDEF1234',
  'google-api-key': 'var k = "AIzaSyD4kQ9vZ2mX8pW1nR7cT3bL6sJ0fH5gE2u";',
  'stripe-secret-key': 'STRIPE=sk_live_51Hk9Zq2mXo8pW1nR7cT3bL6s',
  jwt: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXZpY2UtMDEifQ.S0m3S1gnatur3_Xq9vB2nM4kL7pR1tY',
  'azure-connection-string': 'HostName=hub.azure-devices.net;DeviceId=cam;SharedAccessKey=q7Vx2Lm9Kp4Tz8Wb1Nc6Rd3Fy0Hj5Gs2Ae7Uo9Ik=',
  'url-credentials': 'BROKER=mqtts://device:Sup3rS3cr3t@broker.example-iot.net:8883',
  'generic-secret-assignment': 'const cfg = { api_key: "9fQz2Lk8Wm4Xv1Tb7Rn3" };',
};

test('every rule has a sample that it finds, with a masked value in the evidence', async () => {
  assert.deepEqual(Object.keys(SAMPLES).sort(), RULES.map((r) => r.id).sort());
  const files = Object.fromEntries(Object.entries(SAMPLES).map(([id, text]) => [`/etc/app/${id}.conf`, `# config\n${text}\n`]));
  const findings = await check(files);
  for (const id of Object.keys(SAMPLES)) {
    const f = findings.find((x) => x.location.path === `/etc/app/${id}.conf` && x.key?.startsWith(`${id}:`));
    assert.ok(f, `${id} not found`);
    assert.equal(f.location.line, 2);
    assert.ok(f.evidence.includes('******'), f.evidence);
  }
});

test('secrets inside binaries are found at their offset', async () => {
  const bin = Buffer.concat([Buffer.from('\u007fELF\u0002\u0001\u0001\u0000'), Buffer.alloc(100), Buffer.from('https://admin:Xq7pLm2vRs@cloud.vendor.example/api\u0000')]);
  const [f] = await check({ '/usr/bin/cloudd': bin });
  assert.deepEqual([f?.verdict, f?.location.offset], ['fail', 108]);
});

test('placeholders, format strings and low-entropy values are not reported; a clean tree passes', async () => {
  const findings = await check({
    '/etc/app.conf': 'password="changeme123"\ntoken = "${TOKEN}"\nsecret: "%s%s%s%s"\napi_key="xxxxxxxxxxxx"\nurl=http://user:%s@host\n',
    '/www/login.js': 'if (password.length < 8) alert("password too short");\n',
    '/usr/share/doc/pkg/README': 'password = "Xq7pLm2vRs8k"\n',
  });
  assert.deepEqual(findings.map((f) => f.verdict), ['pass']);
});

test('every pattern is free of nested quantifiers, and each rule completes on hostile inputs', () => {
  for (const r of RULES) {
    // A quantified group that itself contains a quantifier is the shape of catastrophic backtracking.
    assert.ok(!/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(r.pattern.source), `${r.id} nests quantifiers`);
    assert.ok(!/[^\\]\.\*|^\.\*/.test(r.pattern.source), `${r.id} has an unbounded .*`);
  }
  const n = 200_000;
  const hostile = [
    'a'.repeat(n), '='.repeat(n), ':'.repeat(n), '@'.repeat(n), 'AKIA'.repeat(n / 4), 'eyJ'.repeat(n / 3), `eyJ${'a'.repeat(n)}`,
    `https://${'a'.repeat(n)}`, `http://${'a:'.repeat(n / 2)}`, `password="${'x'.repeat(n)}`, `${'password = '.repeat(n / 11)}`,
    `xoxb-${'-'.repeat(n)}`, `SharedAccessKey=${'A'.repeat(n)}`, `aws_secret_access_key=${'A'.repeat(n)}`, 'ghp_'.repeat(n / 4),
  ];
  for (const r of RULES) {
    for (const h of hostile) {
      // Completion is the assertion: with linear patterns each scan is a bounded number of steps per position.
      const matches = [...h.matchAll(r.pattern)].length;
      assert.ok(matches >= 0);
    }
  }
  assert.ok(scanFile(Buffer.from(hostile.join('\n'))).length <= 10);
});
