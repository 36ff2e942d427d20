#!/usr/bin/env node
// SBOM + vulnerability matching over the Debian minbase image with >= 100,000 imported advisories.
//   node bench/vulndb/bench.mjs IMAGE [DPKG_STATUS]     (env: RUNS=3, COUNT=120000, SEED=1)
// 1. generates COUNT advisories (generate.mjs, seeded) and imports them with `iotcop vulndb import`;
// 2. RUNS times, each in a fresh process (phases.mjs): unpack alone, and unpack + SBOM + matching;
// 3. the CLI end to end: `iotcop identify --deep` (unpack only), `iotcop sbom`, `iotcop assess --vulndb`.
// Prints times (medians), what was on top of unpacking, and peak RSS (/usr/bin/time -v when present).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [image, status] = process.argv.slice(2);
if (!image) { console.error('usage: bench.mjs IMAGE [DPKG_STATUS]'); process.exit(2); }
const runs = Number(process.env.RUNS ?? 3);
const count = process.env.COUNT ?? '120000';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Runs a command, timed, with its peak RSS from /usr/bin/time -v when available. */
function measure(cmd, args, okCodes = [0]) {
  const t0 = process.hrtime.bigint();
  const r = TIME ? spawnSync(TIME, ['-v', cmd, ...args], { maxBuffer: 1024 ** 3 }) : spawnSync(cmd, args, { maxBuffer: 1024 ** 3 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!okCodes.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr.toString())?.[1];
  return { ms, stdout: r.stdout.toString(), rssMb: rss ? Math.round(Number(rss) / 1024) : undefined };
}

const tmp = mkdtempSync(join(tmpdir(), 'iotcop-vulndb-bench-'));
try {
  const gen = join(tmp, 'advisories');
  const db = join(tmp, 'vulndb.sqlite');
  const g = measure('node', ['bench/vulndb/generate.mjs', gen, '--count', count, '--seed', process.env.SEED ?? '1', ...(status ? ['--dpkg-status', status] : [])]);
  console.log(`generated ${count} advisories in ${fmt(g.ms)}: ${g.stdout.trim()}`);
  const imp = measure('node', ['bin/iotcop.js', 'vulndb', 'import', gen, '--db', db, '--json', '--quiet']);
  const summary = JSON.parse(imp.stdout);
  const i = summary.inputs[0];
  console.log(`iotcop vulndb import: ${fmt(imp.ms)}, peak RSS ${imp.rssMb ?? '?'} MB; ${i.imported} imported, ${i.skipped} skipped, ${i.failed} failed from ${i.files} files; database ${(statSync(db).size / 1e6).toFixed(0)} MB, ${summary.advisories} advisories`);
  const st = JSON.parse(measure('node', ['bin/iotcop.js', 'vulndb', 'status', '--db', db, '--json']).stdout);
  console.log(`  by ecosystem: ${st.ecosystems.map((e) => `${e.ecosystem} ${e.advisories}`).join(', ')}`);

  const unpack = [];
  const all = [];
  for (let r = 0; r < runs; r++) {
    unpack.push(JSON.parse(measure('node', ['bench/vulndb/phases.mjs', 'unpack', image]).stdout));
    all.push(JSON.parse(measure('node', ['bench/vulndb/phases.mjs', 'all', image, db]).stdout));
  }
  const last = all[all.length - 1];
  const on = all.map((a) => a.sbomMs + a.matchMs);
  console.log(`\n${image} (${(statSync(image).size / 1e6).toFixed(1)} MB), in-process phases, median of ${runs} (fresh process each):`);
  console.log(`  unpack only (deep)            ${fmt(median(unpack.map((u) => u.unpackMs))).padStart(9)}   peak RSS ${Math.max(...unpack.map((u) => u.maxRssMb))} MB`);
  console.log(`  unpack, in the full run       ${fmt(median(all.map((a) => a.unpackMs))).padStart(9)}`);
  console.log(`  + SBOM (${last.components} components, ${(last.sbomBytes / 1024).toFixed(0)} KiB) ${fmt(median(all.map((a) => a.sbomMs))).padStart(9)}`);
  console.log(`  + matching (known-vulnerabilities check) ${fmt(median(all.map((a) => a.matchMs)))}: findings ${JSON.stringify(last.findings)}`);
  console.log(`  = on top of unpacking         ${fmt(median(on)).padStart(9)}   (target < 10 s)   peak RSS of the whole run ${Math.max(...all.map((a) => a.maxRssMb))} MB (target < 1024 MB)`);

  const identify = [];
  const sbom = [];
  for (let r = 0; r < runs; r++) {
    identify.push(measure('node', ['bin/iotcop.js', 'identify', image, '--deep', '--json', '--quiet']));
    sbom.push(measure('node', ['bin/iotcop.js', 'sbom', image, '--quiet']));
  }
  const assess = measure('node', ['bin/iotcop.js', 'assess', image, '--vulndb', db, '--offline', '--json', '--fail-on', 'never']);
  const report = JSON.parse(assess.stdout);
  const kv = report.findings.filter((f) => f.check === 'known-vulnerabilities');
  const by = {};
  for (const f of kv) by[f.verdict] = (by[f.verdict] ?? 0) + 1;
  console.log(`\nCLI end to end (median of ${runs}; peak RSS from /usr/bin/time -v):`);
  console.log(`  iotcop identify --deep (unpack only)  ${fmt(median(identify.map((x) => x.ms))).padStart(9)}   ${Math.max(...identify.map((x) => x.rssMb ?? 0))} MB`);
  console.log(`  iotcop sbom                           ${fmt(median(sbom.map((x) => x.ms))).padStart(9)}   ${Math.max(...sbom.map((x) => x.rssMb ?? 0))} MB   (+${fmt(median(sbom.map((x) => x.ms)) - median(identify.map((x) => x.ms)))} over unpacking)`);
  console.log(`  iotcop assess --vulndb (every check)  ${fmt(assess.ms).padStart(9)}   ${assess.rssMb ?? '?'} MB   known-vulnerabilities findings ${JSON.stringify(by)}; 5.2-3: ${report.provisions.find((p) => p.id === '5.2-3')?.verdict}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
