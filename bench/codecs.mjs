#!/usr/bin/env node
// Decode throughput of each codec against its reference CLI on the same few MB of real data (JavaScript
// source text plus the node binary's machine code). Run: node --import tsx bench/codecs.mjs [MB]
// Prints MB/s of output per CPU second (best of 3 runs each) and our CPU time over the tool's (1 decoding
// thread each); not a test, never asserts. Needs GNU time (/usr/bin/time).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { decompress } = await import('../src/firmware/codecs/index.ts');
const require = createRequire(import.meta.url);
const mb = Number(process.argv[2] ?? 8);
const half = (mb * 1024 * 1024) / 2;
const text = readFileSync(require.resolve('typescript/lib/typescript.js')).subarray(0, half);
const code = readFileSync(process.execPath).subarray(4 << 20, (4 << 20) + half);
const data = Buffer.concat([text, code]);
const dir = mkdtempSync(join(tmpdir(), 'iotcop-bench-'));
const raw = join(dir, 'data');
writeFileSync(raw, data);

const cases = [
  ['gzip', 'gzip', ['-c', '-6'], ['-dc']],
  ['bzip2', 'bzip2', ['-c', '-9'], ['-dc']],
  ['xz', 'xz', ['-c', '-6'], ['-dc']],
  ['lzma', 'xz', ['-c', '--format=lzma', '-6'], ['-dc', '--format=lzma']],
  ['zstd', 'zstd', ['-q', '-c', '-3'], ['-q', '-dc']],
  ['lz4-frame', 'lz4', ['-q', '-c'], ['-q', '-dc']],
  ['lzo1x', 'lzop', ['-c'], ['-dc']],
];

// CPU seconds (user + system), not wall time: the machine is shared, and CPU time is what a busy
// scheduler distorts least. The tool's time comes from GNU time; ours from process.cpuUsage().
function best(fn, n = 3) {
  let min = Infinity;
  for (let i = 0; i < n; i++) min = Math.min(min, fn());
  return min;
}

function ourCpu(fn) {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
}

function toolCpu(cmd, args, file) {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', 'sh', '-c', `${cmd} ${args.join(' ')} "${file}" > /dev/null`], { encoding: 'utf8' });
  const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return user + sys;
}

const rate = (s) => (data.length / 1e6 / s).toFixed(1).padStart(7);
console.log(`${(data.length / 1e6).toFixed(1)} MB of output per decode (text + machine code), best of 3, per CPU second`);
console.log('codec       tool MB/s  ours MB/s  ours/tool time');
for (const [codec, cmd, enc, dec] of cases) {
  const packedPath = join(dir, `data.${codec}`);
  const packed = spawnSync(cmd, [...enc, raw], { maxBuffer: 1 << 30 }).stdout;
  if (!packed?.length) {
    console.log(`${codec.padEnd(10)}  (${cmd} not installed)`);
    continue;
  }
  writeFileSync(packedPath, packed);
  const toolTime = best(() => toolCpu(cmd, dec, packedPath));
  if (!decompress(codec, packed, { maxOutput: 1 << 30 }).equals(data)) throw new Error(`${codec}: output differs`);
  const ourTime = best(() => ourCpu(() => decompress(codec, packed, { maxOutput: 1 << 30 })));
  console.log(`${codec.padEnd(10)} ${rate(toolTime)}    ${rate(ourTime)}    ${(ourTime / toolTime).toFixed(2)}x`);
}
rmSync(dir, { recursive: true, force: true });

// Squashfs compresses each 128 KiB block on its own: many small xz streams, where per-call setup counts.
{
  const blocks = [];
  for (let at = 0; at < data.length; at += 128 << 10) {
    blocks.push(spawnSync('xz', ['-c', '-6', '--check=crc32'], { input: data.subarray(at, at + (128 << 10)), maxBuffer: 1 << 30 }).stdout);
  }
  if (blocks.every((b) => b?.length)) {
    const ourTime = best(() => ourCpu(() => blocks.forEach((b) => decompress('xz', b, { maxOutput: 128 << 10 }))));
    console.log(`xz, ${blocks.length} separate 128 KiB blocks (as squashfs stores them): ours ${rate(ourTime).trim()} MB/s`);
  }
}
