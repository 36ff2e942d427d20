#!/usr/bin/env node
// Times our unpack against `unsquashfs -d` on the same images in one run and prints medians, the ratio and
// peak RSS. Each command runs under /usr/bin/time (wall seconds, max RSS); output directories are removed
// between runs so every run writes the whole tree.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const runs = Number(process.env.RUNS ?? 5);
// Output goes to tmpfs when there is one, so the numbers measure unpacking rather than disk writeback.
const work = process.env.OUT_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : process.env.BENCH_DIR ?? '.bench');
const images = process.argv.slice(2);
// Switch to the CLI at merge: OURS='node bin/iotcop.js unpack {img} -o {out}'
const ours = process.env.OURS ?? 'node bench/unpack/unpack.mjs {img} {out}';

function timed(command) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', 'sh', '-c', command], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}):\n${r.stderr}`);
  const [wall, rss] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, rssMb: rss / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(label, template, image) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const out = join(work, `iotcop-bench-${label}`);
    rmSync(out, { recursive: true, force: true });
    spawnSync('sync');
    samples.push(timed(template.replaceAll('{img}', image).replaceAll('{out}', out)));
    rmSync(out, { recursive: true, force: true });
  }
  return { wall: median(samples.map((s) => s.wall)), rss: Math.max(...samples.map((s) => s.rssMb)), all: samples.map((s) => s.wall) };
}

console.log(`runs per tool: ${runs}; ours: ${ours}`);
console.log('image                          unsquashfs s   ours s   ratio   unsquashfs MB   ours MB');
for (const image of images) {
  const ref = bench('ref', 'unsquashfs -q -n -d {out} {img} >/dev/null', image);
  const us = bench('ours', ours, image);
  const name = image.split('/').at(-1);
  console.log(
    `${name.padEnd(30)} ${ref.wall.toFixed(2).padStart(12)} ${us.wall.toFixed(2).padStart(8)} ${(us.wall / ref.wall).toFixed(2).padStart(7)}` +
      ` ${ref.rss.toFixed(0).padStart(15)} ${us.rss.toFixed(0).padStart(9)}`,
  );
  console.log(`  samples: unsquashfs ${ref.all.join(' ')} | ours ${us.all.join(' ')}`);
}
