import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import type { CheckContext } from '../types.js';
import { exposedServices } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date('2026-11-25T12:00:00Z'), signal: new AbortController().signal, progress() {} });
const check = (files: Record<string, FileSpec>) => exposedServices.run(ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files)))));
const sh = (body: string) => `#!/bin/sh\n${body}\n`;

const BUSYBOX = { '/bin/busybox': '\u007fELF', '/sbin/init -> ../bin/busybox': '' };

const CLEAN_OPENWRT: Record<string, FileSpec> = {
  '/sbin/procd': '\u007fELF',
  '/usr/sbin/dropbear': '\u007fELF',
  '/usr/sbin/uhttpd': '\u007fELF',
  '/etc/inittab': '::sysinit:/etc/init.d/rcS S boot\nttyS0::askfirst:/usr/libexec/login.sh\n',
  '/etc/init.d/dropbear': sh('USE_PROCD=1\nstart_service() {\n  procd_set_param command /usr/sbin/dropbear -F -p 192.168.1.1:22\n}'),
  '/etc/init.d/uhttpd': sh('USE_PROCD=1\nstart_service() {\n  procd_set_param command /usr/sbin/uhttpd -f -p 192.168.1.1:80\n  procd_set_param user www\n}'),
  '/etc/rc.d/S19dropbear -> ../init.d/dropbear': '',
  '/etc/rc.d/S50uhttpd -> ../init.d/uhttpd': '',
};

test('a clean OpenWrt-like tree passes: dropbear and uhttpd bound to the LAN, uhttpd unprivileged, console with login', async () => {
  const findings = await check(CLEAN_OPENWRT);
  assert.deepEqual(findings.filter((f) => f.verdict !== 'pass').map((f) => f.title), []);
  const pass = findings.find((f) => f.verdict === 'pass');
  assert.match(pass?.detail ?? '', /dropbear, uhttpd/);
});

test('telnet from rcS, tftp from inetd, a console shell and adbd are failures with the line that starts them', async () => {
  const findings = await check({
    ...BUSYBOX,
    '/usr/sbin/telnetd -> ../../bin/busybox': '',
    '/usr/sbin/inetd -> ../../bin/busybox': '',
    '/usr/sbin/tftpd': '\u007fELF',
    '/sbin/adbd': '\u007fELF',
    '/etc/inittab': '::sysinit:/etc/init.d/rcS\nttyS0::respawn:-/bin/sh\n',
    '/etc/init.d/rcS': sh('/usr/sbin/telnetd -l /bin/sh &\n/usr/sbin/inetd\nadbd &'),
    '/etc/inetd.conf': 'tftp dgram udp wait root /usr/sbin/tftpd tftpd /tmp\n',
  });
  const by = (t: string) => findings.find((f) => f.title.startsWith(t));
  const telnet = by('Telnet server started at boot without authentication');
  assert.deepEqual([telnet?.severity, telnet?.location.path, telnet?.location.line], ['critical', '/etc/init.d/rcS', 2]);
  assert.ok(telnet?.provisions.includes('5.5-5'));
  const tftp = by('TFTP server started on demand');
  assert.deepEqual([tftp?.location.path, tftp?.location.line], ['/etc/inetd.conf', 1]);
  assert.match(tftp?.detail ?? '', /every interface/);
  assert.deepEqual(by('Debug shell on the ttyS0 console')?.provisions, ['5.6-4']);
  assert.deepEqual(by('Android debug bridge')?.location.line, 4);
});

test('UPnP with secure mode off, SNMP public community, root daemons; binaries present but not started', async () => {
  const findings = await check({
    ...BUSYBOX,
    '/usr/sbin/miniupnpd': '\u007fELF',
    '/usr/sbin/snmpd': '\u007fELF',
    '/usr/sbin/lighttpd': '\u007fELF',
    '/usr/sbin/telnetd -> ../../bin/busybox': '',
    '/etc/inittab': '::sysinit:/etc/init.d/rcS\n',
    '/etc/init.d/rcS': sh('miniupnpd -f /etc/miniupnpd.conf\nsnmpd -c /etc/snmpd.conf\nlighttpd -f /etc/lighttpd.conf'),
    '/etc/miniupnpd.conf': 'ext_ifname=eth1\nsecure_mode=no\n',
    '/etc/snmpd.conf': '# agent\nrwcommunity private\n',
  });
  const titles = findings.map((f) => `${f.verdict}:${f.title}`);
  assert.ok(titles.includes('fail:UPnP IGD with secure mode off'), titles.join('\n'));
  assert.ok(titles.includes('fail:SNMP with a default read-write community'));
  assert.ok(titles.includes('fail:lighttpd runs as root'));
  assert.ok(titles.includes('inconclusive:Risky service binaries present but not started at boot'));
  assert.equal(findings.find((f) => f.title.startsWith('SNMP'))?.location.line, 2);
});

test('a tree with no init configuration is inconclusive, never a pass', async () => {
  const findings = await check({ '/etc/hostname': 'x\n' });
  assert.deepEqual(findings.map((f) => f.verdict), ['inconclusive']);
});

test('an image from which no filesystem was unpacked is inconclusive for every firmware check, never silent', async () => {
  const { CHECKS } = await import('../registry.js');
  const evidence = evidenceOf(firmwareEvidence('opaque.bin'));
  // unpack-coverage reports from the unpack log itself (opaque regions, failed layers), not per check.
  for (const c of CHECKS.filter((x) => x.needs.includes('firmware') && x.id !== 'unpack-coverage')) {
    const findings = await c.run(ctx(evidence));
    assert.deepEqual(findings.map((f) => [f.verdict, f.title]), [['inconclusive', 'No filesystem could be unpacked from opaque.bin']], c.id);
  }
});
