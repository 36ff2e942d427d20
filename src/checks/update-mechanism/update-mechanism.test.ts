import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { updateMechanism } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (files: Record<string, FileSpec>) => updateMechanism.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files)))));

const CLEAN: Record<string, FileSpec> = {
  '/bin/opkg': '\u007fELF',
  '/etc/opkg.conf': 'dest root /\nlists_dir ext /var/opkg-lists\noption overlay_root /overlay\noption check_signature\n',
  '/etc/opkg/distfeeds.conf': 'src/gz openwrt_core https://downloads.openwrt.org/releases/23.05.3/targets/ath79/generic/packages\n',
  '/etc/opkg/keys/b5043e70f9a75cde': 'untrusted comment: public key b5043e70f9a75cde\nRWS1BD5w+adc3j2Hqg9+b66CvLR7NlHbsj7wjNVj0XGt/othDgIAOJS+\n',
};

test('a clean opkg with signature checking passes and records its usign key', async () => {
  const findings = await check(CLEAN);
  assert.deepEqual(findings.map((f) => f.verdict), ['pass']);
  assert.match(findings[0]!.evidence, /\/etc\/opkg\/keys\/b5043e70f9a75cde \(usign\)/);
});

test('opkg without check_signature over plain HTTP is a critical failure naming the feed line', async () => {
  const findings = await check({ ...CLEAN, '/etc/opkg.conf': 'dest root /\n', '/etc/opkg/distfeeds.conf': 'src/gz core http://feeds.vendor.example/fw/packages\n' });
  const f = findings.find((x) => x.verdict === 'fail');
  assert.equal(f?.severity, 'critical');
  assert.match(f?.detail ?? '', /http:\/\/feeds\.vendor\.example\/fw\/packages at \/etc\/opkg\/distfeeds\.conf:1/);
});

test('vendor update scripts: plain HTTP without signature, and curl -k, are reported at their lines', async () => {
  const findings = await check({
    '/usr/sbin/fw_update.sh': '#!/bin/sh\nURL=http://update.vendor.example/cam/firmware.bin\nwget -O /tmp/fw.bin http://update.vendor.example/cam/firmware.bin\nmd5sum -c /tmp/fw.md5 && mtd write /tmp/fw.bin firmware\n',
    '/usr/sbin/check_update.sh': '#!/bin/sh\ncurl -k -o /tmp/upgrade.img https://ota.vendor.example/latest.img\nopenssl dgst -sha256 -verify /etc/ota.pub -signature /tmp/upgrade.sig /tmp/upgrade.img && sysupgrade /tmp/upgrade.img\n',
  });
  const plain = findings.find((f) => f.title.startsWith('Firmware downloaded over plain HTTP'));
  assert.deepEqual([plain?.location.path, plain?.location.line, plain?.severity], ['/usr/sbin/fw_update.sh', 3, 'critical']);
  assert.match(plain?.detail ?? '', /checksum is compared/);
  const tls = findings.find((f) => f.title.startsWith('Update download with TLS verification disabled'));
  assert.deepEqual([tls?.location.path, tls?.location.line, tls?.provisions], ['/usr/sbin/check_update.sh', 2, ['5.3-7']]);
  assert.ok(!findings.some((f) => f.location.path === '/usr/sbin/check_update.sh' && f.title.startsWith('Firmware downloaded')), 'signed download is not a plain-HTTP failure');
});

test('Mender with SkipVerify and no artifact key; nothing recognisable is inconclusive', async () => {
  const findings = await check({ '/usr/bin/mender': '\u007fELF', '/etc/mender/mender.conf': '{\n  "ServerURL": "https://hosted.mender.io",\n  "SkipVerify": true\n}\n' });
  assert.deepEqual(findings.map((f) => f.title).sort(), ['Mender does not verify the update server\'s TLS certificate', 'Mender installs updates without checking signatures']);
  assert.equal(findings.find((f) => f.title.includes('TLS'))?.location.line, 3);
  const none = await check({ '/etc/hostname': 'cam\n' });
  assert.deepEqual(none.map((f) => f.verdict), ['inconclusive']);
});
