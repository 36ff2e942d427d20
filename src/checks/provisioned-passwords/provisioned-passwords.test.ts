import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess } from '../../assess/engine.js';

const NOW = new Date('2026-11-25T12:00:00Z');

async function assessCsv(csv: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'iotcop-prov-')), 'units.csv');
  writeFileSync(path, csv);
  const report = await assess({ inputs: [path], now: NOW });
  return report.findings.filter((f) => f.check === 'provisioned-passwords');
}

test('random unique per-unit passwords pass 5.1-1 and 5.1-2', async () => {
  const findings = await assessCsv('serial,mac,admin_password\nSN0001,00:11:22:33:44:01,q8Zt2mXw9Lk4\nSN0002,00:11:22:33:44:02,Vr7pN3cY1sBd\nSN0003,00:11:22:33:44:03,"Hj5""Tz0Ae6Wu"\n');
  assert.deepEqual(findings.map((f) => [f.verdict, f.provisions]), [['pass', ['5.1-1', '5.1-2']]]);
});

test('shared, MAC-derived, counter and listed-default passwords fail, pointing at CSV lines', async () => {
  const shared = await assessCsv('serial;mac;wifi_key\nA1;001122334401;SameKey99\nA2;001122334402;SameKey99\nA3;001122334403;Other77x\n');
  assert.deepEqual([shared[0]?.verdict, shared[0]?.location.line, shared[0]?.evidence.includes('SameKey99')], ['fail', 2, false]);
  const derived = await assessCsv('serial,mac,password\nA1,00:11:22:33:44:01,cam334401\nA2,00:11:22:33:44:02,cam334402\nA3,00:11:22:33:44:03,cam334403\n');
  assert.ok(derived.some((f) => f.title === 'password is derived from the unit\'s MAC address' && f.provisions.includes('5.1-2')));
  assert.ok(derived.some((f) => f.title === 'password values follow a counter'));
  const known = await assessCsv('serial,pin\nA1,123456\nA2,x9Tq2Lm7\n');
  assert.equal(known.find((f) => f.title.includes('publicly listed'))?.location.line, 2);
});
