import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpackImage } from '../../firmware/index.js';
import { CORPUS_DIR, corpusFile, hasTool, run } from '../../test-support/corpus.js';
import { vfsFromFiles } from '../../test-support/vfs.js';
import { appletsOf, cpeOf, dpkgPackages, identifyBinary, inventoryOfTree, productById, purlOf } from './index.js';

/** Product and version each cve-bin-tool corpus package must be identified as (from its file name). */
const EXPECTED: Readonly<Record<string, [string, string]>> = {
  'busybox-1.28.2-1.fc29.x86_64.rpm.tar.gz': ['busybox', '1.28.2'],
  'busybox_1.18.5-1ubuntu4_amd64.deb.tar.gz': ['busybox', '1.18.5'],
  'curl_7.66.0-3_x86_64.ipk.tar.gz': ['curl', '7.66.0'],
  'dnsmasq-base_2.72-3+deb8u2_amd64.deb.tar.gz': ['dnsmasq', '2.72'],
  'dnsmasq_2.80-16.3_x86_64.ipk.tar.gz': ['dnsmasq', '2.80'],
  'dropbear_2014.65-1+deb8u2_amd64.deb.tar.gz': ['dropbear', '2014.65'],
  'dropbear_2019.78-2_x86_64.ipk.tar.gz': ['dropbear', '2019.78'],
  'hostapd_2.1-0ubuntu1.7_amd64.deb.tar.gz': ['hostapd', '2.1'],
  'libopenssl1.1_1.1.1n-1_x86_64.ipk.tar.gz': ['openssl', '1.1.1n'],
  'libupnp_1.8.7-2_x86_64.ipk.tar.gz': ['libupnp', '1.8.7'],
  'lighttpd-1.4.55-4.fc33.x86_64.rpm.tar.gz': ['lighttpd', '1.4.55'],
  'miniupnpd_2.2.1-3_x86_64.ipk.tar.gz': ['miniupnpd', '2.2.1'],
  'mosquitto_1.4.10-3+deb9u4_arm64.deb.tar.gz': ['mosquitto', '1.4.10'],
  'openssh-client_8.0p1-1_x86_64.ipk.tar.gz': ['openssh', '8.0p1'],
  'openssl_3.0.5-4_amd64.deb.tar.gz': ['openssl', '3.0.5'],
};

const cbt = corpusFile('cve-bin-tool');

test('every cve-bin-tool package is identified with its exact version, and with nothing contradicting it', { skip: cbt ? false : 'corpus not present' }, async () => {
  const files = readdirSync(join(CORPUS_DIR, 'cve-bin-tool')).filter((f) => f.endsWith('.tar.gz')).sort();
  assert.deepEqual(files, Object.keys(EXPECTED).sort(), 'the test covers every corpus package');
  for (const file of files) {
    const fw = await unpackImage(join(CORPUS_DIR, 'cve-bin-tool', file));
    assert.ok(fw.filesystems.length > 0, `${file} unpacked`);
    const found = (await Promise.all(fw.filesystems.map((v) => inventoryOfTree(v)))).flatMap((i) => i.components);
    const [product, version] = EXPECTED[file]!;
    const mine = found.filter((c) => c.product === product);
    assert.deepEqual(mine.map((c) => c.version), [version], `${file}: ${found.map((c) => `${c.name}@${c.version}`).join(', ')}`);
    const c = mine[0]!;
    assert.equal(c.identifiedBy, 'version-string');
    assert.equal(c.purl, `pkg:generic/${product}@${version}`);
    assert.ok(c.occurrences.length > 0 && c.occurrences.every((o) => o.path.startsWith('/') && o.offset !== undefined), file);
    if (product !== 'libupnp' || c.cpe) assert.match(c.cpe ?? '', new RegExp(`^cpe:2\\.3:a:[^:]+:[^:]+:${version.replace(/p1$/, '')}:`), file);
  }
});

test('BusyBox applet tables: what each real build has compiled in', { skip: cbt ? false : 'corpus not present' }, async () => {
  const applets = async (file: string) => {
    const fw = await unpackImage(join(CORPUS_DIR, 'cve-bin-tool', file));
    const inv = await inventoryOfTree(fw.filesystems[0]!);
    return inv.components.find((c) => c.product === 'busybox')!;
  };
  const fedora = await applets('busybox-1.28.2-1.fc29.x86_64.rpm.tar.gz');
  const ubuntu = await applets('busybox_1.18.5-1ubuntu4_amd64.deb.tar.gz');
  // The strings of a build keep names of 4+ characters: 331 and 136 of them, sorted as in the binary.
  assert.equal(fedora.applets?.length, 331);
  assert.equal(ubuntu.applets?.length, 136);
  for (const a of ['ntpd', 'telnetd', 'hush', 'udhcpc', 'wget', 'netstat']) assert.ok(fedora.applets.includes(a), `1.28.2 has ${a}`);
  for (const a of ['udhcpc', 'wget', 'netstat', 'httpd']) assert.ok(ubuntu.applets.includes(a), `1.18.5 has ${a}`);
  for (const a of ['ntpd', 'telnetd', 'hush', 'crond']) assert.ok(!ubuntu.applets.includes(a), `1.18.5 has no ${a}`);
  // Both are distribution builds: their version banner or debug link says so.
  assert.match(ubuntu.backports ?? '', /Ubuntu 1:1\.18\.5-1ubuntu4/);
  assert.match(fedora.backports ?? '', /fc29/);
});

test('a real BusyBox applet table (NUL-separated) is read from a binary, and a random sorted list is not taken for one', () => {
  const names = ['[', '[[', 'ash', 'cat', 'echo', 'ls', 'mount', 'ntpd', 'sh', 'sleep', 'telnetd', 'udhcpc', 'umount', 'wget', 'zcat'];
  const many = [...names, ...Array.from({ length: 10 }, (_, i) => `zz${i}`)].sort();
  const bin = Buffer.concat([Buffer.from('\x7fELF\0\0junk\0'), Buffer.from(`${many.join('\0')}\0`), Buffer.from('\0\x01\x02BusyBox v1.24.2 (2016-01-01)\0')]);
  assert.deepEqual(appletsOf(bin), many);
  assert.equal(appletsOf(Buffer.from('\0mount\0zebra\0apple\0')), undefined);
  assert.deepEqual(identifyBinary(bin).map((h) => [h.product, h.version, h.build]), [['busybox', '1.24.2', '2016-01-01']]);
});

test('version strings that only look like versions are not taken: OpenSSH compat patterns, format strings', () => {
  const bin = Buffer.from('\0OpenSSH_2.*,OpenSSH_3.0*\0OpenSSH_7.0*\0mosquitto version %s\0Dnsmasq version %s  %s\0lighttpd/%s\0');
  assert.deepEqual(identifyBinary(bin), []);
  const banner = Buffer.from('\0OpenSSH_9.2p1 Debian-2+deb12u3\0');
  assert.deepEqual(identifyBinary(banner).map((h) => [h.product, h.version, h.build]), [['openssh', '9.2p1', 'Debian-2+deb12u3']]);
});

test('dpkg status is read as dpkg-query reads it (the host\'s own database)', { skip: hasTool('dpkg-query') ? false : 'dpkg-query not installed' }, async () => {
  const status = readFileSync('/var/lib/dpkg/status');
  const reference = run('dpkg-query', ['-W', '-f=${db:Status-Abbrev}|${Package}|${Version}\\n']).toString()
    .split('\n').filter((l) => /^.i/.test(l)).map((l) => l.split('|').slice(1).join(' ')).sort();
  const ours = (await dpkgPackages(vfsFromFiles({ '/var/lib/dpkg/status': status }))).map((p) => `${p.name} ${p.version}`).sort();
  assert.deepEqual(ours, reference);
});

test('package databases: dpkg on Debian, opkg on OpenWrt and apk on Alpine, keyed the way OSV keys them', async () => {
  const debian = await inventoryOfTree(vfsFromFiles({
    '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 8 (jessie)"\nID=debian\nVERSION_ID="8"\n',
    '/var/lib/dpkg/status': 'Package: dnsmasq-base\nStatus: install ok installed\nArchitecture: amd64\nSource: dnsmasq\nVersion: 2.72-3+deb8u2\n\nPackage: gone\nStatus: deinstall ok config-files\nVersion: 1.0\n',
    '/var/lib/dpkg/info/dnsmasq-base.list': '/.\n/usr\n/usr/sbin/dnsmasq\n',
    '/usr/sbin/dnsmasq': Buffer.from('\x7fELF\0\0dnsmasq-2.72\0'),
  }));
  assert.equal(debian.os?.ecosystem, 'Debian:8');
  assert.equal(debian.binariesScanned, 0, 'a file a package installed is covered by the package');
  assert.deepEqual(debian.components.map((c) => [c.name, c.version, c.purl, c.cpe, c.osv?.ecosystem, c.osv?.name]), [
    ['dnsmasq-base', '2.72-3+deb8u2', 'pkg:deb/debian/dnsmasq-base@2.72-3+deb8u2?arch=amd64&distro=debian-8', 'cpe:2.3:a:thekelleys:dnsmasq:2.72:*:*:*:*:*:*:*', 'Debian:8', 'dnsmasq'],
  ]);
  const openwrt = await inventoryOfTree(vfsFromFiles({
    '/etc/openwrt_release': "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='19.07.7'\n",
    '/usr/lib/opkg/status': 'Package: dropbear\nVersion: 2019.78-2\nStatus: install user installed\nArchitecture: x86_64\n',
    '/usr/lib/opkg/info/dropbear.control': 'Package: dropbear\nVersion: 2019.78-2\nSource: package/network/services/dropbear\nSourceName: dropbear\n',
  }));
  const db = openwrt.components[0]!;
  assert.deepEqual([db.purl, db.upstreamVersion, db.osv?.ecosystem, db.cpe], ['pkg:opkg/openwrt/dropbear@2019.78-2?arch=x86_64', '2019.78', 'OpenWrt', 'cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:2019.78:*:*:*:*:*:*:*']);
  const alpine = await inventoryOfTree(vfsFromFiles({
    '/etc/alpine-release': '3.19.1\n',
    '/lib/apk/db/installed': 'C:Q1abc=\nP:busybox-binsh\nV:1.36.1-r15\nA:x86_64\no:busybox\nF:bin\nR:sh\n\nP:libcrypto3\nV:3.1.4-r5\nA:x86_64\no:openssl\n',
  }));
  assert.deepEqual(alpine.components.map((c) => [c.name, c.osv?.ecosystem, c.osv?.name, c.upstreamVersion]), [['busybox-binsh', 'Alpine:v3.19', 'busybox', '1.36.1'], ['libcrypto3', 'Alpine:v3.19', 'openssl', '3.1.4']]);
});

test('kernels: modules directories, and identifiers escaped as CPE 2.3 and purl require', async () => {
  const inv = await inventoryOfTree(vfsFromFiles({ '/lib/modules/5.10.176/': '', '/lib/modules/5.10.176/modules.dep': '' }));
  const k = inv.components.find((c) => c.name === 'linux')!;
  assert.deepEqual([k.version, k.cpe, k.osv?.ecosystem, k.identifiedBy], ['5.10.176', 'cpe:2.3:o:linux:linux_kernel:5.10.176:*:*:*:*:*:*:*', 'Linux', 'kernel-modules']);
  assert.equal(cpeOf(productById('openssh')!, '8.0p1'), 'cpe:2.3:a:openbsd:openssh:8.0:p1:*:*:*:*:*:*');
  assert.equal(cpeOf(productById('dnsmasq')!, '2.72+x'), 'cpe:2.3:a:thekelleys:dnsmasq:2.72\\+x:*:*:*:*:*:*:*');
  assert.equal(purlOf('generic', undefined, 'busybox', '1.28.2'), 'pkg:generic/busybox@1.28.2');
});
