// Hostile and damaged images: every failure must be a FormatError (or the limit error), never a crash or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { IotcopError } from '../../../model/errors.js';
import { FormatError } from '../../errors.js';
import { BufferSource, FileSource } from '../../source/index.js';
import type { FormatPlugin } from '../../types.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import { sampleBytes, testContext } from '../../../test-support/squashfs-reference.js';
import { squashfsLegacy } from '../squashfs-legacy/index.js';
import { inlineRunner } from '../../pool/index.js';
import { squashfs } from './index.js';
import { SquashfsV4 } from './reader.js';

const work = mkdtempSync(join(tmpdir(), 'iotcop-sqfs-hostile-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

/** A small image of a tree with a nested directory, a few files and a symlink. */
function makeImage(name: string, args: string[]): Buffer | undefined {
  if (!hasTool('mksquashfs')) return undefined;
  const tree = join(work, `${name}-tree`);
  mkdirSync(join(tree, 'a/loopdir'), { recursive: true });
  writeFileSync(join(tree, 'f'), sampleBytes(200_000, 3));
  writeFileSync(join(tree, 'a/small'), 'small file\n');
  writeFileSync(join(tree, 'a/loopdir/x'), 'x\n');
  const image = join(work, `${name}.sqfs`);
  const r = spawnSync('mksquashfs', [tree, image, '-noappend', '-quiet', '-no-progress', '-b', '64K', '-all-root', ...args]);
  assert.equal(r.status, 0, r.stderr.toString());
  return readFileSync(image);
}

/** Unpacks and reads every file; returns the error it ended with, if any. */
async function attempt(plugin: FormatPlugin, bytes: Buffer, limits = {}, onDisk = false): Promise<unknown> {
  const ctx = testContext(limits);
  let file: FileSource | undefined;
  if (onDisk) {
    // On disk, the worker threads read the (corrupt) data blocks themselves.
    const path = join(work, 'hostile.img');
    writeFileSync(path, bytes);
    file = new FileSource(path);
  }
  try {
    const result = await plugin.unpack(file ?? new BufferSource(bytes, 'hostile'), ctx);
    if (result.kind === 'tree') for (const e of result.vfs.entries()) if (e.type === 'file') await e.read();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    file?.close();
  }
}

function assertClean(error: unknown, what: string): void {
  if (error === undefined) return;
  const ok = error instanceof FormatError || (error instanceof IotcopError && error.code === 'ERR_UNPACK_LIMIT');
  assert.ok(ok, `${what}: ${(error as Error).stack ?? "unknown error"}`);
}

/** xorshift, so the fuzz cases are the same on every run. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

async function fuzz(plugin: FormatPlugin, image: Buffer, used: number, rounds: number, seed: number, onDisk = false): Promise<void> {
  const next = rng(seed);
  for (let i = 0; i < rounds; i++) {
    const bytes = Buffer.from(image);
    for (let k = 0; k < 1 + Math.floor(next() * 4); k++) bytes[Math.floor(next() * used)] = Math.floor(next() * 256);
    assertClean(await attempt(plugin, bytes, {}, onDisk), `round ${i}`);
  }
}

test('truncated images fail with FormatError', async (t) => {
  const image = makeImage('trunc', []);
  if (!image) return t.skip('mksquashfs not installed');
  const used = Number(image.readBigUInt64LE(40));
  for (const cut of [0, 10, 95, 96, 200, used >> 2, used >> 1, used - 200, used - 20, used - 1]) {
    const error = await attempt(squashfs, image.subarray(0, cut));
    assert.ok(error instanceof FormatError, `cut at ${cut}: ${String(error)}`);
  }
});

test('randomly corrupted 4.0 images (compressed and stored metadata) fail cleanly', async (t) => {
  const gzip = makeImage('fuzz-gzip', []);
  const stored = makeImage('fuzz-stored', ['-noI', '-noD', '-noF', '-noX']);
  if (!gzip || !stored) return t.skip('mksquashfs not installed');
  await fuzz(squashfs, gzip, Number(gzip.readBigUInt64LE(40)), 150, 1);
  await fuzz(squashfs, stored, Number(stored.readBigUInt64LE(40)), 150, 2);
  await fuzz(squashfs, gzip, Number(gzip.readBigUInt64LE(40)), 60, 4, true);
});

test('randomly corrupted 3.x images fail cleanly', async (t) => {
  const path = corpusFile('fact_extractor/squashFS/zlib_be.sqfs3');
  if (!path) return t.skip('corpus not present');
  const image = readFileSync(path);
  await fuzz(squashfsLegacy, image, 417, 300, 3);
});

/** Locates the directory entry named `name` in an image with stored metadata; returns its offset. */
function entryOffset(image: Buffer, name: string): number {
  const dirTable = Number(image.readBigUInt64LE(72));
  const at = image.indexOf(Buffer.from(name), dirTable);
  assert.ok(at > 0, `entry ${name}`);
  return at - 8;
}

test('a directory entry pointing back at an ancestor is listed once and not entered again', async (t) => {
  const image = makeImage('loop', ['-noI', '-noD', '-noF', '-noX']);
  if (!image) return t.skip('mksquashfs not installed');
  const fs = new SquashfsV4(new BufferSource(image, 'loop'), inlineRunner);
  const a = fs.readDir(fs.readInode(fs.rootRef)).find((e) => e.name.toString() === 'a')!;
  const entry = entryOffset(image, 'loopdir');
  const header = entry - 12 * 1; // loopdir sorts first in /a, right after the run header
  assert.equal(image.readUInt32LE(header + 4), a.inode.block, 'same inode block as /a');
  image.writeUInt16LE(a.inode.offset, entry); // /a/loopdir now names /a's own inode
  const ctx = testContext();
  const result = await squashfs.unpack(new BufferSource(image, 'loop'), ctx);
  assert.equal(result.kind, 'tree');
  if (result.kind !== 'tree') return;
  assert.equal(result.vfs.get('/a/loopdir')?.type, 'dir');
  assert.equal(result.vfs.get('/a/loopdir/small'), undefined);
  assert.ok(ctx.warnings.some((w) => /reached twice/.test(w)));
});

test('absurd counts and sizes fail fast with FormatError', async (t) => {
  const image = makeImage('counts', ['-noI', '-noD', '-noF', '-noX']);
  if (!image) return t.skip('mksquashfs not installed');
  const patch = (edit: (b: Buffer) => void) => {
    const b = Buffer.from(image);
    edit(b);
    return b;
  };
  const cases: [string, Buffer][] = [
    ['fragments > inodes', patch((b) => b.writeUInt32LE(0xffff_ffff, 16))],
    ['huge inode and fragment counts', patch((b) => { b.writeUInt32LE(0xffff_ffff, 4); b.writeUInt32LE(0xffff_ffff, 16); })],
    ['65535 ids', patch((b) => b.writeUInt16LE(0xffff, 26))],
    ['block size not a power of two', patch((b) => b.writeUInt32LE(100_000, 12))],
    ['tables out of order', patch((b) => b.writeBigUInt64LE(b.readBigUInt64LE(72) + 1_000_000n, 64))],
    ['4 GiB file in a tiny inode table', patch((b) => {
      const fs = new SquashfsV4(new BufferSource(b, 'x'), inlineRunner);
      const f = fs.readDir(fs.readInode(fs.rootRef)).find((e) => e.name.toString() === 'f')!;
      const inodeAt = Number(b.readBigUInt64LE(64)) + 2 + f.inode.offset;
      b.writeUInt32LE(0xffff_ffff, inodeAt + 16 + 12);
    })],
    ['directory run of 4 billion entries', patch((b) => b.writeUInt32LE(0xffff_fff0, entryOffset(b, 'loopdir') - 12))],
  ];
  for (const [what, bytes] of cases) {
    const error = await attempt(squashfs, bytes);
    assert.ok(error instanceof FormatError, `${what}: ${String(error)}`);
  }
});

test('entry limit and abort stop the layer with ERR_UNPACK_LIMIT', async (t) => {
  const image = makeImage('limits', []);
  if (!image) return t.skip('mksquashfs not installed');
  const error = await attempt(squashfs, image, { maxEntries: 3 });
  assert.ok(error instanceof IotcopError && error.code === 'ERR_UNPACK_LIMIT', String(error));
  const ctx = { ...testContext(), signal: AbortSignal.abort() };
  await assert.rejects(squashfs.unpack(new BufferSource(image, 'abort'), ctx), (e) => e instanceof IotcopError && e.code === 'ERR_UNPACK_LIMIT');
});

test('probes never throw on junk', () => {
  for (const bytes of [Buffer.alloc(0), Buffer.from('hsqs'), Buffer.from('sqsh'), Buffer.alloc(200, 0xff), Buffer.concat([Buffer.from('hsqs'), Buffer.alloc(200)])]) {
    assert.equal(squashfs.probe(new BufferSource(bytes, 'junk')), null);
    assert.equal(squashfsLegacy.probe(new BufferSource(bytes, 'junk')), null);
  }
});
