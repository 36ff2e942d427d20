import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Report } from '../../report/index.js';
import { validateSbom, type CycloneDxBom } from '../../sbom/index.js';
import { storedZip, ustar } from '../../test-support/archives.js';
import { captureIo } from '../../test-support/io.js';
import { tempDir } from '../../test-support/trees.js';
import { FIXTURES } from '../../vulndb/test-support.js';
import { main } from '../main.js';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(['node', 'iotcop', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const elf = (s: string) => Buffer.concat([Buffer.from(`\x7fELF\x02\x01\x01\0\0\0${s}\0`), Buffer.alloc(1024)]);
/** A root filesystem with one vendor binary, dnsmasq at `version`. */
const image = (version: string) => ustar([{ name: 'usr/sbin/dnsmasq', data: elf(`\0dnsmasq-${version}\0`), mode: 0o755 }]);

test('iotcop sbom prints a valid CycloneDX 1.6 SBOM, or writes it with --out; --now sets the timestamp', async () => {
  const tmp = tempDir();
  try {
    const img = join(tmp.dir, 'fw.tar');
    writeFileSync(img, image('2.72'));
    const r = await cli('sbom', img);
    assert.equal(r.code, 0, r.err);
    assert.equal(await validateSbom(r.out), undefined);
    const bom = JSON.parse(r.out) as CycloneDxBom;
    assert.deepEqual(bom.components?.map((c) => [c.purl, c.evidence?.occurrences?.[0]?.location]), [['pkg:generic/dnsmasq@2.72', '/usr/sbin/dnsmasq']]);
    assert.equal(bom.metadata?.timestamp, undefined);
    assert.equal((await cli('sbom', img)).out, r.out, 'the same image gives byte-identical output');
    const out = join(tmp.dir, 'sub', 'sbom.cdx.json');
    const w = await cli('sbom', img, '--out', out, '--now', '2026-03-04', '--max-entries', '1000');
    assert.equal(w.code, 0, w.err);
    assert.equal(w.out, '');
    assert.match(w.err, /sbom\.cdx\.json: CycloneDX 1\.6 SBOM, 1 components/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as CycloneDxBom;
    assert.equal(written.metadata?.timestamp, '2026-03-04T12:00:00.000Z');
    assert.equal(written.serialNumber, bom.serialNumber);
  } finally {
    tmp.cleanup();
  }
});

test('iotcop sbom: user errors exit 2 with their code, as JSON with --json', async () => {
  const missing = await cli('sbom', '/nonexistent/fw.bin', '--json');
  assert.equal(missing.code, 2);
  assert.equal((JSON.parse(missing.out) as { error: { code: string } }).error.code, 'ERR_INPUT_NOT_FOUND');
  const badDate = await cli('sbom', '/nonexistent/fw.bin', '--now', 'yesterday');
  assert.equal(badDate.code, 2);
  assert.match(badDate.err, /ERR_USAGE: --now yesterday/);
});

test('vulndb import: counts imported, skipped and failed (with file and reason), and never loses the rest', async () => {
  const tmp = tempDir();
  try {
    const db = join(tmp.dir, 'vulndb.sqlite');
    const first = await cli('vulndb', 'import', FIXTURES, '--db', db, '--json');
    assert.equal(first.code, 0, first.err);
    const r1 = JSON.parse(first.out) as { database: string; advisories: number; inputs: { imported: number; skipped: number; failed: number; files: number }[] };
    assert.equal(r1.database, db);
    assert.deepEqual(r1.inputs.map((i) => [i.imported, i.skipped, i.failed, i.files]), [[12, 0, 0, 4]]);
    const again = JSON.parse((await cli('vulndb', 'import', FIXTURES, '--db', db, '--json')).out) as typeof r1;
    assert.deepEqual(again.inputs.map((i) => [i.imported, i.skipped, i.failed]), [[12, 0, 0]], 'same modified dates: replaced in place, not duplicated');
    assert.equal(again.advisories, 12);
    // A folder with a good record, a bad record, a file that is not JSON and a truncated zip; plus a missing input.
    const mixed = join(tmp.dir, 'mixed');
    mkdirSync(mixed);
    copyFileSync(join(FIXTURES, 'osv', 'DSA-3989-1.json'), join(mixed, 'a-good.json'));
    writeFileSync(join(mixed, 'b-bad.json'), JSON.stringify([{ id: 'X-1', summary: 'no modified date' }, { id: 'X-2', modified: '2024-01-01T00:00:00Z', affected: [] }]));
    writeFileSync(join(mixed, 'c-broken.json'), '{"id": "X-3", ');
    const zip = storedZip([{ name: 'Debian/X-4.json', data: JSON.stringify({ id: 'X-4', modified: '2024-02-01T00:00:00Z' }) }]);
    writeFileSync(join(mixed, 'd-truncated.zip'), zip.subarray(0, zip.length - 30));
    writeFileSync(join(mixed, 'e-good.json.gz'), gzipSync(JSON.stringify({ id: 'X-5', modified: '2024-03-01T00:00:00Z', summary: 'fine' })));
    const r = await cli('vulndb', 'import', '/nonexistent/advisories', mixed, '--db', db);
    assert.equal(r.code, 2, 'an input that cannot be read at all is a user error');
    assert.match(r.err, /ERR_INPUT_NOT_FOUND: \/nonexistent\/advisories: no such file or directory/);
    assert.match(r.out, /mixed: 3 imported \(2 new, 1 updated\), 0 skipped \(already up to date\), 3 failed/);
    assert.match(r.out, /failed .*b-bad\.json: X-1: no valid `modified` date/);
    assert.match(r.out, /failed .*c-broken\.json: not JSON/);
    assert.match(r.out, /failed .*d-truncated\.zip: /);
    assert.match(r.out, /vulndb\.sqlite: 14 advisories/);
  } finally {
    tmp.cleanup();
  }
});

test('vulndb status: what is loaded, per source and ecosystem, how old, and whether that is stale', async () => {
  const tmp = tempDir();
  try {
    const db = join(tmp.dir, 'vulndb.sqlite');
    const none = await cli('vulndb', 'status', '--db', db);
    assert.equal(none.code, 2);
    assert.match(none.err, /ERR_VULNDB: no vulnerability database at .*vulndb\.sqlite/);
    await cli('vulndb', 'import', FIXTURES, '--db', db);
    const s = JSON.parse((await cli('vulndb', 'status', '--db', db, '--json', '--max-age', '100000')).out) as {
      database: string; advisories: number; withdrawn: number; sources: unknown; ecosystems: { ecosystem: string; advisories: number }[];
      dataAsOf: string; ageDays: number; maxAgeDays: number; stale: boolean; imports: { source: string; added: number }[];
    };
    assert.equal(s.database, db);
    assert.deepEqual([s.advisories, s.withdrawn], [12, 1]);
    assert.deepEqual(s.sources, [{ source: 'nvd', advisories: 9 }, { source: 'osv', advisories: 3 }]);
    assert.deepEqual(s.ecosystems.map((e) => `${e.ecosystem} ${e.advisories}`), ['CPE 9', 'Alpine:v3.11 1', 'Debian:8 1', 'npm 1']);
    assert.equal(s.dataAsOf, '2023-12-01T00:00:00.000Z');
    assert.equal(s.ageDays, Math.floor((Date.now() - Date.parse(s.dataAsOf)) / 86_400_000));
    assert.deepEqual([s.maxAgeDays, s.stale], [100000, false]);
    assert.deepEqual(s.imports.map((i) => [i.source, i.added]), [[FIXTURES, 12]]);
    const text = await cli('vulndb', 'status', '--db', db, '--max-age', '30');
    assert.match(text.out, /12 advisories \(1 withdrawn\); data as of 2023-12-01, \d+ day\(s\) old \(stale: older than --max-age 30\)/);
    assert.match(text.out, /by source: nvd 9, osv 3/);
    assert.equal((await cli('vulndb', 'status', '--db', db, '--max-age', 'soon')).code, 2);
  } finally {
    tmp.cleanup();
  }
});

test('assess --vulndb and --max-age reach the known-vulnerabilities check; stale data is inconclusive, not pass', async () => {
  const tmp = tempDir();
  try {
    const db = join(tmp.dir, 'vulndb.sqlite');
    await cli('vulndb', 'import', FIXTURES, '--db', db);
    const vulnerable = join(tmp.dir, 'old.tar');
    const clean = join(tmp.dir, 'new.tar');
    writeFileSync(vulnerable, image('2.72'));
    writeFileSync(clean, image('2.90'));
    const assess = async (img: string, ...extra: string[]) => {
      const r = await cli('assess', img, '--json', '--fail-on', 'never', '--offline', '--now', '2023-12-20', ...extra);
      assert.equal(r.code, 0, r.err);
      return (JSON.parse(r.out) as Report).findings.filter((f) => f.check === 'known-vulnerabilities').map((f) => `${f.verdict} ${f.title}`).sort();
    };
    assert.deepEqual(await assess(vulnerable, '--vulndb', db), ['fail CVE-2017-14491 in dnsmasq 2.72', 'fail CVE-2020-25681 in dnsmasq 2.72']);
    assert.deepEqual(await assess(clean, '--vulndb', db), ['pass No known vulnerability affects the identified components']);
    assert.deepEqual(await assess(clean, '--vulndb', db, '--max-age', '7'), ['inconclusive The vulnerability database is out of date']);
    const missing = await cli('assess', clean, '--vulndb', join(tmp.dir, 'typo.sqlite'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /ERR_INPUT_NOT_FOUND: --vulndb .*typo\.sqlite: no such file/);
  } finally {
    tmp.cleanup();
  }
});
