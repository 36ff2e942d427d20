import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hasTool, run } from '../test-support/corpus.js';
import { isIotcopError } from '../model/index.js';
import { JsonArrayItems } from './json-items.js';
import { component, FIXTURES, testDatabase } from './test-support.js';
import { ageInDays, cvss2Score, cvss3Score, importAdvisories, matchComponents, VulnStore, type VulnMatch } from './index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'iotcop-vulndb-t-'));
const summary = (ms: readonly VulnMatch[]) => ms.map((m) => `${m.component.name}@${m.component.version} ${m.advisory.id} ${m.status}${m.fixed ? ` fixed ${m.fixed}` : ''}${m.lastAffected ? ` last ${m.lastAffected}` : ''}`).sort();

test('CVSS base scores computed from vectors match the published scores', () => {
  assert.equal(cvss3Score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 9.8);
  assert.equal(cvss3Score('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H'), 8.1);
  assert.equal(cvss3Score('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'), 7.5);
  assert.equal(cvss3Score('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:L/A:N'), 4.0);
  assert.equal(cvss3Score('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H'), 5.5);
  assert.equal(cvss3Score('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H'), 8.8);
  assert.equal(cvss3Score('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H'), 9.9);
  assert.equal(cvss3Score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N'), 0);
  assert.equal(cvss3Score('CVSS:3.1/AV:X/AC:L'), undefined);
  assert.equal(cvss2Score('AV:N/AC:L/Au:N/C:C/I:C/A:C'), 10);
  assert.equal(cvss2Score('AV:N/AC:L/Au:N/C:N/I:N/A:P'), 5);
  assert.equal(cvss2Score('AV:N/AC:M/Au:N/C:N/I:N/A:P'), 4.3);
});

test('the shipped advisories import from a folder (OSV records and an NVD 2.0 feed), and again without duplicates', async () => {
  const { store } = await testDatabase();
  const st = store.status();
  assert.equal(st.advisories, 12);
  assert.equal(st.withdrawn, 1, 'the rejected CVE is kept as withdrawn');
  assert.equal(st.dataAsOf, '2023-12-01T00:00:00.000Z');
  assert.deepEqual(st.ecosystems.map((e) => e.ecosystem).sort(), ['Alpine:v3.11', 'CPE', 'Debian:8', 'npm']);
  const again = await importAdvisories(store, FIXTURES);
  assert.deepEqual([again.added, again.updated, again.refused], [0, 12, 0]);
  assert.equal(store.status().advisories, 12);
  const dsa = store.advisory('DSA-3989-1')!;
  assert.ok(dsa.aliases.includes('CVE-2017-14491'));
  const nvd = store.advisory('CVE-2020-25681')!;
  assert.deepEqual([nvd.score, nvd.severity, nvd.source], [8.1, 'high', 'nvd']);
  assert.equal(store.advisory('GHSA-xvch-5gv4-984h')?.severity, 'critical');
  assert.equal(ageInDays(st.dataAsOf, new Date('2024-01-31T00:00:00Z')), 61);
  store.close();
});

test('imports from an OSV all.zip layout, gzip feeds and JSON arrays give the same advisories', { skip: hasTool('zip') ? false : 'zip not installed' }, async () => {
  const dir = tmp();
  const zipPath = join(dir, 'all.zip');
  run('zip', ['-q', '-j', zipPath, ...readdirSync(join(FIXTURES, 'osv')).map((f) => join(FIXTURES, 'osv', f))]);
  const feed = join(dir, 'nvdcve-2.0-sample.json.gz');
  writeFileSync(feed, gzipSync(readFileSync(join(FIXTURES, 'nvd-sample.json'))));
  const array = join(dir, 'records.json');
  writeFileSync(array, JSON.stringify(readdirSync(join(FIXTURES, 'osv')).map((f) => JSON.parse(readFileSync(join(FIXTURES, 'osv', f), 'utf8')) as unknown)));
  for (const [input, n] of [[zipPath, 3], [feed, 9], [array, 3]] as const) {
    const store = VulnStore.open(join(tmp(), 'db.sqlite'));
    const s = await importAdvisories(store, input);
    assert.deepEqual([s.added, s.refused], [n, 0], input);
    store.close();
  }
});

test('malformed input is refused with a reason, never half-stored; a file that is not a database is an error', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.json'), '{"id": "X-1"}');
  writeFileSync(join(dir, 'b.json'), 'not json');
  writeFileSync(join(dir, 'c.json'), JSON.stringify({ id: 'X-2', modified: '2020-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm' } }, 'junk', { package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'GIT', repo: 'r', events: [{ introduced: 'abc' }] }] }] }));
  writeFileSync(join(dir, 'd.zip'), 'PK\x03\x04 truncated');
  const store = VulnStore.open(join(dir, 'db.sqlite'));
  await assert.rejects(importAdvisories(store, join(dir, 'd.zip')), (e: unknown) => isIotcopError(e) && e.code === 'ERR_VULNDB');
  const s = await importAdvisories(store, join(dir, 'a.json'));
  assert.equal(s.refused, 1);
  assert.match(s.problems[0] ?? '', /X-1: no valid `modified` date/);
  const t = await importAdvisories(store, join(dir, 'b.json'));
  assert.match(t.problems[0] ?? '', /not JSON/);
  const u = await importAdvisories(store, join(dir, 'c.json'));
  assert.equal(u.added, 1, 'the record is kept; its unusable affected entries (no name, junk, GIT only) are dropped');
  assert.deepEqual(store.lookup(['npm'], 'p'), []);
  store.close();
  writeFileSync(join(dir, 'junk.sqlite'), 'SQLite format 3\0 but not really');
  assert.throws(() => VulnStore.open(join(dir, 'junk.sqlite'), { readonly: true }), (e: unknown) => isIotcopError(e) && e.code === 'ERR_VULNDB');
  assert.throws(() => VulnStore.open(join(dir, 'missing.sqlite'), { readonly: true }), (e: unknown) => isIotcopError(e) && e.code === 'ERR_VULNDB');
});

test('streamed arrays give exactly what JSON.parse gives, whatever the chunk boundaries', () => {
  const doc = JSON.stringify({ format: 'NVD_CVE', note: 'a "quoted" [bracket] {brace} \\ and \u00e9', vulnerabilities: [{ cve: { id: 'A', x: [1, { y: '}]' }] } }, { cve: { id: 'B\u20ac' } }], after: [{ not: 'this' }] });
  const expected = (JSON.parse(doc) as { vulnerabilities: unknown[] }).vulnerabilities;
  const bytes = Buffer.from(doc);
  for (let size = 1; size <= bytes.length; size += 7) {
    const got: unknown[] = [];
    const s = new JsonArrayItems('vulnerabilities', (t) => got.push(JSON.parse(t)));
    for (let at = 0; at < bytes.length; at += size) s.push(bytes.subarray(at, at + size));
    s.end();
    assert.deepEqual(got, expected, `chunks of ${size}`);
  }
  const top: unknown[] = [];
  const a = new JsonArrayItems(null, (t) => top.push(JSON.parse(t)));
  a.push(Buffer.from('[{"id":"1"},{"id":"2","x":{"y":[]}}]'));
  a.end();
  assert.deepEqual(top, [{ id: '1' }, { id: '2', x: { y: [] } }]);
  const bad = new JsonArrayItems(null, () => undefined);
  bad.push(Buffer.from('[{"id":"1"'));
  assert.throws(() => bad.end(), /ends in the middle/);
});

test('ranges in each ordering: dpkg (Debian), apk (Alpine), semver (npm) and generic upstream versions (CPE)', async () => {
  const { store } = await testDatabase();
  const deb = (version: string) => component({ name: 'dnsmasq-base', version, osv: { ecosystem: 'Debian:8', name: 'dnsmasq' }, identifiedBy: 'package-database', cpeProducts: ['thekelleys:dnsmasq'], upstreamVersion: '2.72', backports: 'dpkg package' });
  const alpine = (version: string) => component({ name: 'xen', version, osv: { ecosystem: 'Alpine:v3.11', name: 'xen' } });
  const npm = (version: string) => component({ name: 'minimist', version, osv: { ecosystem: 'npm', name: 'minimist' } });
  const bin = (product: string, cpe: string, version: string) => component({ name: product, product, version, upstreamVersion: version, cpeProducts: [cpe] });
  const ms = matchComponents(store, [
    deb('2.72-3+deb8u1'), deb('2.72-3+deb8u2'), deb('2.72-3+deb8u10'),
    alpine('4.13.2-r0'), alpine('4.13.3_rc1-r0'), alpine('4.13.3-r0'), alpine('4.13.3-r1'),
    npm('0.2.3'), npm('0.2.4'), npm('1.2.5'), npm('1.2.6-beta.1'), npm('1.2.6'),
    bin('openssl', 'openssl:openssl', '1.0.2zc'), bin('openssl', 'openssl:openssl', '1.0.2zd'), bin('openssl', 'openssl:openssl', '1.1.1m'),
    bin('openssl', 'openssl:openssl', '1.1.1n'), bin('openssl', 'openssl:openssl', '3.0.5'), bin('openssl', 'openssl:openssl', '3.0.7'),
    bin('dropbear', 'dropbear_ssh_project:dropbear_ssh', '2016.73'), bin('dropbear', 'dropbear_ssh_project:dropbear_ssh', '2016.74'),
  ]);
  assert.deepEqual(summary(ms), [
    'dnsmasq-base@2.72-3+deb8u1 DSA-3989-1 affected fixed 2.72-3+deb8u2',
    'dropbear@2016.73 CVE-2016-7406 affected last 2016.73',
    'minimist@0.2.3 GHSA-xvch-5gv4-984h affected fixed 0.2.4',
    'minimist@1.2.5 GHSA-xvch-5gv4-984h affected fixed 1.2.6',
    'minimist@1.2.6-beta.1 GHSA-xvch-5gv4-984h affected fixed 1.2.6',
    'openssl@1.0.2zc CVE-2022-0778 affected fixed 1.0.2zd',
    'openssl@1.1.1m CVE-2022-0778 affected fixed 1.1.1n',
    'openssl@3.0.5 CVE-2022-3602 affected fixed 3.0.7',
    'xen@4.13.2-r0 ALPINE-CVE-2021-28687 affected fixed 4.13.3-r0',
    'xen@4.13.3_rc1-r0 ALPINE-CVE-2021-28687 affected fixed 4.13.3-r0',
  ]);
  const dsa = ms.find((m) => m.advisory.id === 'DSA-3989-1')!;
  assert.ok(dsa.ids.includes('CVE-2017-14491') && dsa.scheme === 'dpkg');
  store.close();
});

test('opkg ordering (OpenWrt packages): revisions order as opkg orders them, and the same CVE from two sources is one match', async () => {
  const { store } = await testDatabase();
  // An OpenWrt-keyed record made for this ordering test (OSV has no OpenWrt feed): fixed in revision 16.3.
  store.put([{ id: 'TEST-OPENWRT-1', aliases: ['CVE-2020-25681'], modified: '2021-01-20T00:00:00Z', summary: '', details: '', references: [], source: 'osv',
    affected: [{ ecosystem: 'OpenWrt', name: 'dnsmasq', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.80-16.3' }] }], versions: [] }] }],
  { added: 0, updated: 0, unchanged: 0, refused: 0 });
  const pkg = (version: string) => component({ name: 'dnsmasq', product: 'dnsmasq', version, upstreamVersion: '2.80', osv: { ecosystem: 'OpenWrt', name: 'dnsmasq' }, cpeProducts: ['thekelleys:dnsmasq'], identifiedBy: 'package-database', backports: 'opkg package' });
  const ms = matchComponents(store, [pkg('2.80-16.2'), pkg('2.80-16.10')]);
  assert.deepEqual(summary(ms), [
    // Revision 16.2 is before the fix: one match, found through the OpenWrt record, carrying the NVD id too.
    'dnsmasq@2.80-16.10 CVE-2020-25681 backport-possible fixed 2.83',
    'dnsmasq@2.80-16.2 TEST-OPENWRT-1 affected fixed 2.80-16.3',
  ]);
  assert.ok(ms.find((m) => m.component.version === '2.80-16.2')!.ids.includes('CVE-2020-25681'));
  store.close();
});

test('false positives avoided: Debian backports in package versions, BusyBox applets not compiled in', async () => {
  const { store } = await testDatabase();
  // dnsmasq 2.72 in Debian 8 with the security update: upstream 2.72 < 2.78 (CVE-2017-14491), but Debian fixed
  // it in 2.72-3+deb8u2; only Debian's own advisories speak for Debian packages.
  const debian = component({ name: 'dnsmasq-base', product: 'dnsmasq', version: '2.72-3+deb8u2', upstreamVersion: '2.72', osv: { ecosystem: 'Debian:8', name: 'dnsmasq' }, cpeProducts: ['thekelleys:dnsmasq'], identifiedBy: 'package-database', backports: 'dpkg package' });
  const vendorBinary = component({ name: 'dnsmasq', product: 'dnsmasq', version: '2.72', upstreamVersion: '2.72', cpeProducts: ['thekelleys:dnsmasq'] });
  const ubuntuBusybox = component({ name: 'busybox', product: 'busybox', version: '1.18.5', upstreamVersion: '1.18.5', cpeProducts: ['busybox:busybox'], applets: ['adjtimex', 'arping', 'udhcpc', 'wget', 'zcat'], backports: 'built by a distribution (Ubuntu 1:1.18.5-1ubuntu4)' });
  const oldNtpd = component({ name: 'busybox', product: 'busybox', version: '1.24.2', upstreamVersion: '1.24.2', cpeProducts: ['busybox:busybox'], applets: ['[', '[[', 'ash', 'ntpd', 'sh'] });
  const noNtpd = component({ name: 'busybox', product: 'busybox', version: '1.24.1', upstreamVersion: '1.24.1', cpeProducts: ['busybox:busybox'], applets: ['[', '[[', 'ash', 'gunzip', 'sh', 'zcat'] });
  assert.deepEqual(summary(matchComponents(store, [debian, vendorBinary, ubuntuBusybox, oldNtpd, noNtpd])), [
    'busybox@1.18.5 CVE-2016-2148 backport-possible fixed 1.25.0',
    'busybox@1.18.5 CVE-2016-6301 applet-absent fixed 1.25.1',
    'busybox@1.18.5 CVE-2021-28831 backport-possible last 1.32.1',
    'busybox@1.24.1 CVE-2016-2148 applet-absent fixed 1.25.0',
    'busybox@1.24.1 CVE-2016-6301 applet-absent fixed 1.25.1',
    'busybox@1.24.1 CVE-2021-28831 affected last 1.32.1',
    'busybox@1.24.2 CVE-2016-2148 applet-absent fixed 1.25.0',
    'busybox@1.24.2 CVE-2016-6301 affected fixed 1.25.1',
    'busybox@1.24.2 CVE-2021-28831 applet-absent last 1.32.1',
    'dnsmasq@2.72 CVE-2017-14491 affected fixed 2.78',
    'dnsmasq@2.72 CVE-2020-25681 affected fixed 2.83',
  ]);
  store.close();
});
