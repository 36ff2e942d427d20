import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unpackImage } from '../firmware/index.js';
import { ustar } from '../test-support/archives.js';
import { CORPUS_DIR, corpusFile } from '../test-support/corpus.js';
import { tempDir } from '../test-support/trees.js';
import { sbomJson, sbomOfImage, validateSbom, type CycloneDxBom } from './index.js';

const OPTIONS = { toolVersion: '9.9.9' };

/** A made-for-purpose root filesystem: a Debian package database, a vendor binary with BusyBox in it, a kernel. */
const APPLET_NAMES = ['[', 'ash', 'cat', 'chmod', 'cp', 'echo', 'grep', 'ifconfig', 'kill', 'ln', 'ls', 'mkdir', 'mount', 'mv', 'ping', 'reboot', 'rm', 'sh', 'sleep', 'udhcpc', 'umount', 'wget'];
const APPLETS = APPLET_NAMES.join('\0');
const BUSYBOX = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0'), Buffer.alloc(600), Buffer.from(`${APPLETS}\0\0BusyBox v1.31.1 (2020-03-01 10:00:00 UTC)\0`)]);

function rootfs(): Buffer {
  const busybox = BUSYBOX;
  const dnsmasq = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\0'), Buffer.alloc(600), Buffer.from('\0dnsmasq-2.85\0')]);
  return ustar([
    { name: 'etc/', type: 'dir' },
    { name: 'etc/os-release', data: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n' },
    { name: 'var/lib/dpkg/status', data: 'Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nSource: zlib\nVersion: 1:1.2.13.dfsg-1\n\nPackage: libc6\nStatus: install ok installed\nArchitecture: amd64\nSource: glibc\nVersion: 2.36-9+deb12u4\n' },
    { name: 'var/lib/dpkg/info/zlib1g:amd64.list', data: '/.\n/usr/lib/x86_64-linux-gnu/libz.so.1.2.13\n' },
    { name: 'bin/busybox', data: busybox, mode: 0o755 },
    { name: 'usr/sbin/dnsmasq', data: dnsmasq, mode: 0o755 },
    { name: 'lib/modules/5.10.176/', type: 'dir' },
  ]);
}

async function sbomOf(path: string, options: { toolVersion: string; timestamp?: Date } = OPTIONS): Promise<CycloneDxBom> {
  return sbomOfImage(await unpackImage(path), options);
}

test('an SBOM of a made-for-purpose image: components with purl, CPE, where and how; valid CycloneDX 1.6', async () => {
  const tmp = tempDir();
  try {
    const image = join(tmp.dir, 'rootfs.tar.gz');
    const bytes = gzipSync(rootfs());
    writeFileSync(image, bytes);
    const bom = await sbomOf(image);
    assert.equal(await validateSbom(sbomJson(bom)), undefined);
    assert.equal(bom.specVersion, '1.6');
    assert.equal(bom.metadata?.timestamp, undefined, 'no timestamp unless asked');
    assert.deepEqual(bom.metadata?.tools, { components: [{ type: 'application', name: 'iotcop', version: '9.9.9', 'bom-ref': 'iotcop@9.9.9' }] });
    const subject = bom.metadata?.component;
    assert.equal(subject?.type, 'firmware');
    assert.equal(subject?.name, 'rootfs.tar.gz');
    assert.deepEqual(subject?.hashes, [{ alg: 'SHA-256', content: createHash('sha256').update(bytes).digest('hex') }]);
    const rows = (bom.components ?? []).map((c) => [c.name, c.version, c.purl, c.cpe]);
    assert.deepEqual(rows, [
      ['busybox', '1.31.1', 'pkg:generic/busybox@1.31.1', 'cpe:2.3:a:busybox:busybox:1.31.1:*:*:*:*:*:*:*'],
      ['dnsmasq', '2.85', 'pkg:generic/dnsmasq@2.85', 'cpe:2.3:a:thekelleys:dnsmasq:2.85:*:*:*:*:*:*:*'],
      ['libc6', '2.36-9+deb12u4', 'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12', 'cpe:2.3:a:gnu:glibc:2.36:*:*:*:*:*:*:*'],
      ['linux', '5.10.176', 'pkg:generic/linux@5.10.176', 'cpe:2.3:o:linux:linux_kernel:5.10.176:*:*:*:*:*:*:*'],
      ['zlib1g', '1:1.2.13.dfsg-1', 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12', 'cpe:2.3:a:zlib:zlib:1.2.13:*:*:*:*:*:*:*'],
    ]);
    const by = (name: string) => bom.components!.find((c) => c.name === name)!;
    const bb = by('busybox');
    assert.equal(bb.type, 'application');
    assert.deepEqual(bb.evidence?.occurrences, [{ location: '/bin/busybox', offset: BUSYBOX.indexOf('BusyBox v') }]);
    assert.deepEqual(bb.evidence?.identity?.map((i) => [i.field, i.concludedValue, i.methods.map((m) => m.technique), i.confidence]), [
      ['purl', 'pkg:generic/busybox@1.31.1', ['binary-analysis'], 0.8],
      ['cpe', 'cpe:2.3:a:busybox:busybox:1.31.1:*:*:*:*:*:*:*', ['binary-analysis'], 0.72],
    ]);
    assert.match(bb.evidence?.identity?.[0]?.methods[0]?.value ?? '', /^BusyBox v1\.31\.1/);
    assert.ok(bb.properties?.some((p) => p.name === 'iotcop:busybox-applets' && p.value === APPLET_NAMES.join(' ')));
    const zlib = by('zlib1g');
    assert.deepEqual(zlib.evidence?.occurrences, [{ location: '/var/lib/dpkg/status', line: 1 }]);
    assert.deepEqual(zlib.evidence?.identity?.[0]?.methods.map((m) => [m.technique, m.confidence]), [['manifest-analysis', 1]]);
    assert.deepEqual(zlib.properties?.filter((p) => p.name!.startsWith('iotcop:osv') || p.name === 'iotcop:upstream-version').map((p) => [p.name, p.value]), [
      ['iotcop:osv-ecosystem', 'Debian:12'], ['iotcop:osv-name', 'zlib'], ['iotcop:upstream-version', '1.2.13'],
    ]);
    assert.equal(by('libc6').evidence?.occurrences?.[0]?.line, 7);
    assert.deepEqual(by('linux').evidence?.identity?.[0]?.methods.map((m) => m.technique), ['filename']);
    assert.equal(by('linux').type, 'operating-system');
    // The image depends on (contains) every component.
    assert.deepEqual(bom.dependencies?.find((d) => d.ref === 'image')?.dependsOn, bom.components!.map((c) => c['bom-ref']).sort());
  } finally {
    tmp.cleanup();
  }
});

test('the SBOM is deterministic: the serial number comes from the image hash, the timestamp only when given', async () => {
  const tmp = tempDir();
  try {
    const a = join(tmp.dir, 'a.tar');
    const b = join(tmp.dir, 'b.tar');
    writeFileSync(a, rootfs());
    writeFileSync(b, Buffer.concat([rootfs(), Buffer.alloc(512)]));
    const first = sbomJson(await sbomOf(a));
    assert.equal(sbomJson(await sbomOf(a)), first, 'two runs, byte-identical output');
    assert.match(first, /"serialNumber": "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"/);
    const other = await sbomOf(b);
    assert.notEqual(other.serialNumber, (JSON.parse(first) as CycloneDxBom).serialNumber, 'another image, another serial number');
    const newer = await sbomOf(a, { toolVersion: '10.0.0' });
    assert.notEqual(newer.serialNumber, (JSON.parse(first) as CycloneDxBom).serialNumber, 'another tool version, another serial number');
    const dated = await sbomOf(a, { ...OPTIONS, timestamp: new Date('2026-01-02T03:04:05Z') });
    assert.equal(dated.metadata?.timestamp, '2026-01-02T03:04:05.000Z');
    assert.equal(await validateSbom(sbomJson(dated)), undefined);
  } finally {
    tmp.cleanup();
  }
});

test('the schema check is real: a BOM with an unknown technique, a missing location or an extra field fails', async () => {
  const tmp = tempDir();
  try {
    const a = join(tmp.dir, 'a.tar');
    writeFileSync(a, rootfs());
    const bom = await sbomOf(a);
    const broken = (edit: (b: CycloneDxBom) => void) => {
      const copy = JSON.parse(sbomJson(bom)) as CycloneDxBom;
      edit(copy);
      return JSON.stringify(copy);
    };
    assert.notEqual(await validateSbom(broken((b) => { b.components![0]!.evidence!.identity![0]!.methods[0]!.technique = 'guessing' as 'filename'; })), undefined);
    assert.notEqual(await validateSbom(broken((b) => { delete (b.components![0]!.evidence!.occurrences![0] as { location?: string }).location; })), undefined);
    assert.notEqual(await validateSbom(broken((b) => { (b.components![0] as unknown as Record<string, unknown>).foundAt = '/bin'; })), undefined);
  } finally {
    tmp.cleanup();
  }
});

const cbt = corpusFile('cve-bin-tool');

test('SBOMs of the cve-bin-tool corpus packages validate and name each package with its path and version string', { skip: cbt ? false : 'corpus not present' }, async () => {
  const files = readdirSync(join(CORPUS_DIR, 'cve-bin-tool')).filter((f) => f.endsWith('.tar.gz')).sort();
  assert.equal(files.length, 15);
  for (const file of files) {
    const bom = await sbomOf(join(CORPUS_DIR, 'cve-bin-tool', file));
    assert.equal(await validateSbom(sbomJson(bom)), undefined, file);
    const [, version] = /^[a-z-]+?(?:[\d.]+)?[-_](\d[\w.]*?)-/.exec(file.replace(/^libopenssl1\.1_/, 'openssl_').replace(/^openssh-client_/, 'openssh_')) ?? [];
    const found = (bom.components ?? []).filter((c) => c.version === version);
    assert.ok(found.length > 0, `${file}: ${(bom.components ?? []).map((c) => `${c.name}@${c.version}`).join(', ')}`);
    for (const c of found) {
      assert.match(c.purl ?? '', /^pkg:generic\//, file);
      assert.ok(c.evidence?.occurrences?.every((o) => o.location.startsWith('/') && o.offset !== undefined), file);
      assert.equal(c.evidence?.identity?.[0]?.methods[0]?.technique, 'binary-analysis', file);
    }
  }
});
