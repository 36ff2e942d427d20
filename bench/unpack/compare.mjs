#!/usr/bin/env node
// Times our unpack against `unsquashfs -d` on the same images in one run and prints medians, the ratio and
// peak RSS. Each command runs under /usr/bin/time (wall seconds, max RSS); output directories are removed
// between runs so every run writes the whole tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.RUNS ?? 5);
// Output goes to tmpfs when there is one, so the numbers measure unpacking rather than disk writeback.
const work = process.env.OUT_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : process.env.BENCH_DIR ?? '.bench');
const images = process.argv.slice(2);
// The CLI as a user runs it (start-up, identification, the writer's safety checks and all).
const ours = process.env.OURS ?? 'node bin/iotcop.js unpack {img} -o {out} -q';

function timed(command) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', 'sh', '-c', command], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}):\n${r.stderr}`);
  const [wall, rss, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, rssMb: rss / 1024, cpu: user + sys };
}

const load = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ')[0] : '?');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function once(label, template, image) {
  const out = join(work, `iotcop-bench-${label}`);
  rmSync(out, { recursive: true, force: true });
  spawnSync('sync');
  const sample = timed(template.replaceAll('{img}', image).replaceAll('{out}', out));
  rmSync(out, { recursive: true, force: true });
  return sample;
}

function summary(samples) {
  return {
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rss: Math.max(...samples.map((s) => s.rssMb)),
    all: samples.map((s) => s.wall),
  };
}

/** The two tools alternate run by run, so a change in the machine's load hits both alike. */
function bench(image) {
  const ref = [];
  const us = [];
  for (let i = 0; i < runs; i++) {
    ref.push(once('ref', 'unsquashfs -q -n -d {out} {img} >/dev/null', image));
    us.push(once('ours', ours, image));
  }
  return { ref: summary(ref), us: summary(us) };
}

console.log(`runs per tool: ${runs}; ours: ${ours}; output in ${work}; load average ${load()} on ${availableParallelism()} cores`);
console.log('image                  unsquashfs s   ours s   ratio   cpu s unsq/ours   peak RSS MB unsq/ours');
for (const image of images) {
  const { ref, us } = bench(image);
  const name = image.split('/').at(-1);
  console.log(
    `${name.padEnd(22)} ${ref.wall.toFixed(2).padStart(12)} ${us.wall.toFixed(2).padStart(8)} ${(us.wall / ref.wall).toFixed(2).padStart(7)}` +
      ` ${`${ref.cpu.toFixed(2)}/${us.cpu.toFixed(2)}`.padStart(17)} ${`${ref.rss.toFixed(0)}/${us.rss.toFixed(0)}`.padStart(23)}`,
  );
  // Each run of ours against the unsquashfs run just before it: steadier than the medians when load swings.
  const paired = median(us.all.map((w, i) => w / ref.all[i]));
  console.log(`  samples: unsquashfs ${ref.all.join(' ')} | ours ${us.all.join(' ')} | median of paired ratios ${paired.toFixed(2)}`);
}
console.log(`load average at the end: ${load()} (other processes on the machine inflate both tools' times)`);
