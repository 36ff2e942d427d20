import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FindingDraft } from '../../model/index.js';
import { endpointsOf, urlsIn } from '../../analysis/endpoints/index.js';
import { manifestEvidence } from '../../test-support/manifest.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext, Evidence } from '../types.js';
import { endpoints } from './index.js';

const ctx = (evidence: Evidence): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const brief = (fs: readonly FindingDraft[]) => fs.map((f) => `${f.verdict} ${f.severity} ${f.title}`).sort();
const elf = (s: string) => Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0'), Buffer.from(s), Buffer.alloc(64)]);

const DEVICE: Record<string, FileSpec> = {
  '/etc/config/system': "config system\n\tlist server '0.openwrt.pool.ntp.org'\n\tlist server '1.openwrt.pool.ntp.org'\n",
  '/etc/mosquitto/mosquitto.conf': 'connection cloud\naddress broker.vendor-cloud.com:1883\ntopic # out 0\n',
  '/usr/bin/app': elf('\0http://telemetry.vendor-cloud.com/v1/report\0https://api.vendor-cloud.com/\0http://www.w3.org/2001/XMLSchema\0https://%s/api\0'),
  '/etc/init.d/upload': '#!/bin/sh\n# http://commented-out.vendor-cloud.com/\ncurl -s "http://user:secret@upload.analytics-partner.net/collect?id=$MAC"\n',
  '/etc/resolv.conf': 'nameserver 8.8.8.8\nnameserver 127.0.0.1\n',
  '/usr/share/doc/app/README': 'See http://docs.vendor-cloud.com/manual\n',
  '/www/index.html': '<a href="https://vendor-cloud.com/support">support</a>',
};

test('the inventory: URLs in configuration, scripts, pages and programs, and hosts named by configuration, with where', async () => {
  const eps = await endpointsOf(vfsFromFiles(DEVICE));
  assert.deepEqual(eps.map((e) => `${e.scheme}://${e.host}${e.port ? `:${e.port}` : ''} ${e.plaintext ? 'cleartext' : 'tls'} ${e.purpose ?? ''} ${e.sources.map((s) => `${s.path}:${s.line ?? `@${s.offset}`}/${s.kind}`).join(',')}`), [
    'ntp://0.openwrt.pool.ntp.org tls ntp /etc/config/system:2/config',
    'ntp://1.openwrt.pool.ntp.org tls ntp /etc/config/system:3/config',
    'dns://8.8.8.8 tls dns /etc/resolv.conf:1/config',
    'https://api.vendor-cloud.com tls  /usr/bin/app:@53/binary',
    'mqtt://broker.vendor-cloud.com:1883 cleartext mqtt /etc/mosquitto/mosquitto.conf:2/config',
    'http://telemetry.vendor-cloud.com cleartext  /usr/bin/app:@9/binary',
    'http://upload.analytics-partner.net cleartext  /etc/init.d/upload:3/script',
    'https://vendor-cloud.com tls  /www/index.html:1/web',
  ]);
  const upload = eps.find((e) => e.host === 'upload.analytics-partner.net')!;
  assert.deepEqual(upload.urls, ['http://user:***@upload.analytics-partner.net/collect?id=$MAC'], 'credentials are masked');
  assert.deepEqual([...urlsIn('mqtt://b.example.net:8883 mqtts://c.vendor.io tcp://d.vendor.io:1883')].map((u) => u.host), ['c.vendor.io', 'd.vendor.io']);
});

test('cleartext endpoints are listed for review; undeclared ones fail when configuration names them', async () => {
  const evidence: Evidence = { ...evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(DEVICE))), manifest: manifestEvidence({ cloudEndpoints: [{ host: 'vendor-cloud.com', protocol: 'https' }, { host: '*.pool.ntp.org', protocol: 'ntp' }] }).manifest! };
  assert.deepEqual(brief(await endpoints.run(ctx(evidence))), [
    'fail medium Endpoint 8.8.8.8 is not declared in the manifest',
    'fail medium Endpoint upload.analytics-partner.net is not declared in the manifest',
    'inconclusive info Cleartext HTTP endpoint telemetry.vendor-cloud.com',
    'inconclusive low Cleartext HTTP endpoint upload.analytics-partner.net',
    'inconclusive medium Cleartext MQTT endpoint broker.vendor-cloud.com',
  ]);
});

test('without declared endpoints the inventory is an open question; a clean, fully declared tree has no failing finding', async () => {
  const open = await endpoints.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(DEVICE)))));
  assert.ok(brief(open).includes('inconclusive info 8 endpoint(s) found; none can be compared with declared ones'));
  const clean: Record<string, FileSpec> = { '/etc/config/system': "\tlist server 'time.vendor-cloud.com'\n", '/usr/bin/app': elf('\0https://api.vendor-cloud.com/v2\0') };
  const evidence: Evidence = { ...evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(clean))), manifest: manifestEvidence({ cloudEndpoints: [{ host: 'vendor-cloud.com' }] }).manifest! };
  const findings = await endpoints.run(ctx(evidence));
  assert.deepEqual(brief(findings), ['pass info All 2 endpoint(s) the firmware names are declared']);
  assert.deepEqual(brief(await endpoints.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles({ '/etc/motd': 'hello' })))))), []);
  assert.deepEqual(brief(await endpoints.run(ctx(evidenceOf({ ...firmwareEvidence('x.bin'), filesystems: [] }))))[0], 'inconclusive medium No filesystem could be unpacked from x.bin');
});
