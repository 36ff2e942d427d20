#!/usr/bin/env node
// Times `unsquashfs -d` and `iotcop assess` on the same images, RUNS times each (median), and prints the ratio.
// Also reports the provision verdicts iotcop gave, so a run shows what was measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.RUNS ?? 5);
const images = process.argv.slice(2);
if (images.length === 0) {
  console.error('usage: compare.mjs IMAGE...');
  process.exit(2);
}

function time(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 ** 3 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && !(cmd === 'node' && r.status === 1)) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { ms, stdout: r.stdout.toString() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const img of images) {
  const ref = [];
  const ours = [];
  let report;
  for (let i = 0; i < runs; i++) {
    const out = join(mkdtempSync(join(tmpdir(), 'iotcop-bench-')), 'x');
    ref.push(time('unsquashfs', ['-q', '-n', '-d', out, img]).ms);
    rmSync(join(out, '..'), { recursive: true, force: true });
    const r = time('node', ['bin/iotcop.js', 'assess', img, '--json', '--fail-on', 'never', '--now', '2026-11-25']);
    ours.push(r.ms);
    report = r.stdout;
  }
  const a = median(ref);
  const b = median(ours);
  const parsed = JSON.parse(report);
  const failed = parsed.provisions.filter((p) => p.verdict === 'fail').map((p) => p.id);
  const ran = parsed.checks.filter((c) => c.status === 'ran').map((c) => c.id);
  console.log(`${img} (${(statSync(img).size / 1e6).toFixed(1)} MB), median of ${runs}:`);
  console.log(`  unsquashfs -d        ${a.toFixed(0).padStart(7)} ms`);
  console.log(`  iotcop assess        ${b.toFixed(0).padStart(7)} ms   ratio ${(b / a).toFixed(2)}x (target <= 3x)`);
  console.log(`  checks run: ${ran.join(', ')}`);
  console.log(`  failing provisions: ${failed.length ? failed.join(', ') : 'none'}; 5.1-1: ${parsed.provisions.find((p) => p.id === '5.1-1')?.verdict}`);
}
