#!/usr/bin/env node
// Interim unpacker for the benchmark: opens a squashfs image with the plug-in (from dist/) and writes the tree
// with a small concurrent writer. Replaced by `iotcop unpack <img> -o <dir>` once the CLI has that command.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSource } from '../../dist/firmware/source/index.js';
import { squashfs } from '../../dist/firmware/formats/squashfs/index.js';
import { squashfsLegacy } from '../../dist/firmware/formats/squashfs-legacy/index.js';
import { DEFAULT_LIMITS } from '../../dist/firmware/types.js';

const [image, out] = process.argv.slice(2);
if (!image || !out) {
  console.error('usage: unpack.mjs <image> <out-dir>');
  process.exit(2);
}
const IN_FLIGHT = 16;
const src = new FileSource(image);
const plugin = [squashfs, squashfsLegacy].find((p) => p.probe(src));
if (!plugin) throw new Error(`${image}: not a squashfs image`);
const ctx = {
  limits: DEFAULT_LIMITS,
  signal: new globalThis.AbortController().signal,
  layer: '0x0-squashfs',
  warn: (m) => console.error(`warning: ${m}`),
  charge: () => undefined,
};
const result = await plugin.unpack(src, ctx);
if (result.kind !== 'tree') throw new Error('expected a tree');

mkdirSync(out, { recursive: true });
const files = [];
for (const e of result.vfs.entries()) {
  const target = join(out, e.path);
  if (e.type === 'dir') mkdirSync(target, { recursive: true, mode: 0o700 | e.mode });
  else if (e.type === 'symlink') symlinkSync(e.target ?? '', target);
  else if (e.type === 'file') files.push(e);
}
let next = 0;
async function worker() {
  while (next < files.length) {
    const e = files[next++];
    // Synchronous writes: decoding runs on worker threads meanwhile, and tmpfs/page-cache writes are quick.
    writeFileSync(join(out, e.path), await e.read(), { mode: e.mode & 0o777 });
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
src.close();
