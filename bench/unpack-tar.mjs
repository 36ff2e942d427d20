#!/usr/bin/env node
// Writer throughput: `iotcop unpack` against `tar -x` on the same archive, best of N runs each.
// Usage: npm run build && node bench/unpack-tar.mjs [dir-to-archive] [runs]
// The archive defaults to this repository's node_modules (thousands of small files, some large ones).
// Set TMPDIR=/dev/shm to take the disk out of the comparison.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const source = resolve(process.argv[2] ?? 'node_modules');
const runs = Number(process.argv[3] ?? 3);
const work = mkdtempSync(join(tmpdir(), 'iotcop-bench-'));
const archive = join(work, 'input.tar');
const bin = resolve('bin/iotcop.js');

function time(cmd, args) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  const start = performance.now();
  const r = spawnSync(cmd, typeof args === 'function' ? args(out) : args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} failed with ${r.status}`);
  return ms;
}

try {
  spawnSync('tar', ['-cf', archive, '-C', source, '.'], { stdio: 'inherit' });
  const best = (cmd, args) => Math.min(...Array.from({ length: runs }, () => time(cmd, args)));
  const tar = best('tar', (out) => ['-xf', archive, '-C', out]);
  const iotcop = best(process.execPath, (out) => [bin, 'unpack', archive, '-o', out, '--quiet', '--force']);
  console.log(`tar -x          ${tar.toFixed(0).padStart(6)} ms`);
  console.log(`iotcop unpack   ${iotcop.toFixed(0).padStart(6)} ms`);
  console.log(`ratio           ${(iotcop / tar).toFixed(2)}x`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
