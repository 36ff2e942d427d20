#!/usr/bin/env node
// Squashfs-style work through the decompression pool: many 128 KiB xz blocks decoded across the cores,
// against the same blocks decoded on the main thread and against `xz -dc` of one stream of the same data.
// Run: node --import tsx bench/pool.mjs [MB]. Wall times, best of 3; prints a ratio, asserts nothing.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const { decompress } = await import('../src/firmware/codecs/index.ts');
const { DecompressPool } = await import('../src/firmware/pool/index.ts');
const require = createRequire(import.meta.url);
const mb = Number(process.argv[2] ?? 32);
const half = (mb * 1024 * 1024) / 2;
const data = Buffer.concat([
  readFileSync(require.resolve('typescript/lib/typescript.js')).subarray(0, half),
  readFileSync(process.execPath).subarray(4 << 20, (4 << 20) + half),
]);
const BLOCK = 128 << 10;
const blocks = [];
for (let at = 0; at < data.length; at += BLOCK) {
  blocks.push(spawnSync('xz', ['-c', '-6', '--check=crc32'], { input: data.subarray(at, at + BLOCK), maxBuffer: 1 << 30 }).stdout);
}
const whole = spawnSync('xz', ['-c', '-6', '-T1'], { input: data, maxBuffer: 1 << 30 }).stdout;

async function best(fn) {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  return min / 1000;
}

const pool = new DecompressPool();
const tool = await best(() => spawnSync('xz', ['-dc', '-T1'], { input: whole, maxBuffer: 1 << 30 }));
const inline = await best(() => blocks.forEach((b) => decompress('xz', b, { maxOutput: BLOCK })));
const pooled = await best(() => pool.runBatch(blocks.map((b) => ({ codec: 'xz', input: b, options: { maxOutput: BLOCK } }))));
await pool.close();
const rate = (s) => `${(data.length / 1e6 / s).toFixed(1)} MB/s`;
console.log(`${(data.length / 1e6).toFixed(1)} MB in ${blocks.length} xz blocks of 128 KiB, wall time, best of 3`);
console.log(`xz -dc -T1, one stream:        ${rate(tool)}`);
console.log(`ours, main thread, per block:  ${rate(inline)} (${(inline / tool).toFixed(2)}x xz)`);
console.log(`ours, pool of ${pool.threads} threads:      ${rate(pooled)} (${(pooled / tool).toFixed(2)}x xz)`);
