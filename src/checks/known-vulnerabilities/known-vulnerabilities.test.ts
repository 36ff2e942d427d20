import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { unpackImage } from '../../firmware/index.js';
import type { FindingDraft } from '../../model/index.js';
import { CORPUS_DIR, corpusFile } from '../../test-support/corpus.js';
import { evidenceOf, firmwareEvidence, vfsFromFiles, type FileSpec } from '../../test-support/vfs.js';
import { testDatabase } from '../../vulndb/test-support.js';
import type { CheckContext, Evidence } from '../types.js';
import { knownVulnerabilities } from './index.js';

const NOW = new Date('2023-12-20T12:00:00Z');
let db: string | undefined;
async function dbPath(): Promise<string> {
  if (!db) {
    const t = await testDatabase();
    t.store.close();
    db = t.path;
  }
  return db;
}
const ctx = async (evidence: Evidence, extra: Partial<CheckContext> = {}): Promise<CheckContext> => ({ evidence, now: NOW, signal: new AbortController().signal, progress() {}, vulndb: { path: await dbPath(), maxAgeDays: 30 }, ...extra });
const check = async (files: Record<string, FileSpec>, extra: Partial<CheckContext> = {}) => knownVulnerabilities.run(await ctx(evidenceOf(firmwareEvidence('fw.bin', vfsFromFiles(files))), extra));
const brief = (fs: readonly FindingDraft[]) => fs.map((f) => `${f.verdict} ${f.title}`).sort();
const elf = (s: string) => Buffer.concat([Buffer.from(`\x7fELF\x02\x01\x01\0\0\0${s}\0`), Buffer.alloc(1024)]);

test('a vendor binary with known vulnerabilities fails, with ids, CVSS, fixed version and the path and offset', async () => {
  const findings = await check({ '/usr/sbin/dnsmasq': elf('\0dnsmasq-2.72\0') });
  assert.deepEqual(brief(findings), ['fail CVE-2017-14491 in dnsmasq 2.72', 'fail CVE-2020-25681 in dnsmasq 2.72']);
  const f = findings.find((x) => x.title.startsWith('CVE-2020-25681'))!;
  assert.deepEqual([f.severity, f.location.path, f.location.offset], ['high', '/usr/sbin/dnsmasq', 11]);
  assert.match(f.detail, /CVSS 8\.1 \(CVSS:3\.1\/AV:N\/AC:H/);
  assert.match(f.detail, /fixed in 2\.83/);
  assert.match(f.remediation, /Update dnsmasq to 2\.83 or later/);
  assert.equal(findings.find((x) => x.title.startsWith('CVE-2017-14491'))!.severity, 'critical');
});

test('a clean tree passes, saying what was checked against what', async () => {
  const findings = await check({ '/usr/sbin/dnsmasq': elf('\0dnsmasq-2.90\0'), '/usr/lib/libcrypto.so.3': elf('\0OpenSSL 3.0.13 30 Jan 2024\0') });
  assert.deepEqual(brief(findings), ['pass No known vulnerability affects the identified components']);
  assert.match(findings[0]!.detail, /2 component\(s\) .* checked against 12 advisories \(data as of 2023-12-01, 19 day\(s\) old\)/);
});

test('Debian packages are judged by Debian\'s advisories: the backported fix in 2.72-3+deb8u2 is not a failure', async () => {
  const tree = (version: string) => ({
    '/etc/os-release': 'ID=debian\nVERSION_ID="8"\n',
    '/var/lib/dpkg/status': `Package: dnsmasq-base\nStatus: install ok installed\nSource: dnsmasq\nVersion: ${version}\nArchitecture: amd64\n`,
  });
  assert.deepEqual(brief(await check(tree('2.72-3+deb8u2'))), ['pass No known vulnerability affects the identified components']);
  const old = await check(tree('2.72-3+deb8u1'));
  assert.deepEqual(brief(old), ['fail CVE-2017-13704 in dnsmasq-base 2.72-3+deb8u1']);
  assert.match(old[0]!.evidence, /DSA-3989-1/);
  assert.equal(old[0]!.location.path, '/var/lib/dpkg/status');
  // A distribution the database has no advisories for is said so, not passed.
  const bookworm = await check({ '/etc/os-release': 'ID=debian\nVERSION_ID="12"\n', '/var/lib/dpkg/status': 'Package: dnsmasq-base\nStatus: install ok installed\nSource: dnsmasq\nVersion: 2.90-4~deb12u1\n' });
  assert.ok(brief(bookworm).includes('inconclusive The vulnerability database has no Debian:12 advisories'));
});

test('stale data makes a clean result inconclusive; no database at all is inconclusive too, never a pass', async () => {
  const later = await check({ '/usr/sbin/dnsmasq': elf('\0dnsmasq-2.90\0') }, { now: new Date('2024-06-01T00:00:00Z') });
  assert.deepEqual(brief(later), ['inconclusive The vulnerability database is out of date']);
  assert.match(later[0]!.detail, /older than the 30 day\(s\) allowed by --max-age/);
  const stillFails = await check({ '/usr/sbin/dnsmasq': elf('\0dnsmasq-2.72\0') }, { now: new Date('2024-06-01T00:00:00Z') });
  assert.equal(stillFails.filter((f) => f.verdict === 'fail').length, 2);
  const none = await check({ '/usr/sbin/dnsmasq': elf('\0dnsmasq-2.90\0') }, { vulndb: { path: '/nonexistent/vulndb.sqlite' } });
  assert.deepEqual(brief(none), ['inconclusive Components not checked: no vulnerability database']);
  assert.match(none[0]!.evidence, /dnsmasq 2\.90/);
  const empty = await knownVulnerabilities.run(await ctx(evidenceOf({ ...firmwareEvidence('blob.bin'), filesystems: [] })));
  assert.deepEqual(brief(empty), ['inconclusive No filesystem could be unpacked from blob.bin']);
});

test('real builds from the corpus: Dropbear 2014.65 fails; the Ubuntu BusyBox is inconclusive (backports) and its missing ntpd sets CVE-2016-6301 aside', { skip: corpusFile('cve-bin-tool') ? false : 'corpus not present' }, async () => {
  const assessTarball = async (name: string) => {
    const fw = await unpackImage(join(CORPUS_DIR, 'cve-bin-tool', name));
    return knownVulnerabilities.run(await ctx(evidenceOf({ ...fw, image: name })));
  };
  const dropbear = await assessTarball('dropbear_2014.65-1+deb8u2_amd64.deb.tar.gz');
  assert.deepEqual(brief(dropbear).filter((t) => t.startsWith('fail')), ['fail CVE-2016-7406 in dropbear 2014.65']);
  const busybox = await assessTarball('busybox_1.18.5-1ubuntu4_amd64.deb.tar.gz');
  assert.deepEqual(brief(busybox), ['inconclusive CVE-2016-2148 in busybox 1.18.5', 'inconclusive CVE-2021-28831 in busybox 1.18.5', 'pass No known vulnerability affects the identified components']);
  assert.match(busybox.find((f) => f.verdict === 'pass')!.detail, /Set aside: CVE-2016-6301 \(busybox 1\.18\.5: about ntpd, not compiled into this build\)/);
  const openssl = await assessTarball('openssl_3.0.5-4_amd64.deb.tar.gz');
  assert.deepEqual(brief(openssl).filter((t) => t.startsWith('fail')), ['fail CVE-2022-3602 in openssl 3.0.5']);
  const fixed = await assessTarball('libopenssl1.1_1.1.1n-1_x86_64.ipk.tar.gz');
  assert.ok(!fixed.some((f) => f.verdict === 'fail'), '1.1.1n is the fix of CVE-2022-0778');
});

test('filesystems without components (deep-unpacked gzip files) say nothing; an image with none at all is one inconclusive finding', async () => {
  const docs = (n: number) => vfsFromFiles({ '/data': 'text' }, `0x0-squashfs/usr/lib/x/table${n}.gz@0x0-gzip`);
  const root = vfsFromFiles({ '/usr/sbin/dnsmasq': elf('\0dnsmasq-2.90\0') }, '0x0-squashfs');
  const mixed = await knownVulnerabilities.run(await ctx(evidenceOf(firmwareEvidence('fw.bin', root, docs(1), docs(2)))));
  assert.deepEqual(brief(mixed), ['pass No known vulnerability affects the identified components']);
  const empty = await knownVulnerabilities.run(await ctx(evidenceOf(firmwareEvidence('fw.bin', docs(1), docs(2)))));
  assert.deepEqual(brief(empty), ['inconclusive No software component could be identified']);
  assert.match(empty[0]!.detail, /any of the 2 filesystems of fw\.bin/);
  const noDb = await knownVulnerabilities.run(await ctx(evidenceOf(firmwareEvidence('fw.bin', root, docs(1), docs(2))), { vulndb: { path: '/nonexistent/x.sqlite' } }));
  assert.deepEqual(brief(noDb), ['inconclusive Components not checked: no vulnerability database']);
});
