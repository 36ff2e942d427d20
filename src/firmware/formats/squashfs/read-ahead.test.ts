// Read-ahead: file blocks decoded on the workers while the tree is still being walked, then written from memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hasTool } from '../../../test-support/corpus.js';
import { sampleBytes, testContext } from '../../../test-support/squashfs-reference.js';
import { FormatError } from '../../errors.js';
import { inlineRunner, WorkerPool, type TaskRunner } from '../../pool/index.js';
import { FileSource } from '../../source/index.js';
import type { FsEntry } from '../../types.js';
import { SquashfsV4 } from './reader.js';
import { buildTree } from './tree.js';

const dir = mkdtempSync(join(tmpdir(), 'iotcop-readahead-'));
const pool = new WorkerPool(2);
const opened: FileSource[] = [];
test.after(() => {
  for (const src of opened) src.close();
  rmSync(dir, { recursive: true, force: true });
});

// Block size 64 KiB: a, b and c span 5, 4 and 8 blocks (one decode task each); small sits in a fragment and
// sparse has a hole, so neither is read ahead.
const FILES: Record<string, Buffer> = {
  a: sampleBytes(300_000, 1),
  b: sampleBytes(200_000, 2, false),
  c: sampleBytes(500_000, 3),
  small: sampleBytes(5000, 4),
};

function image(): string {
  const path = join(dir, 'image.sqfs');
  const tree = join(dir, 'tree');
  mkdirSync(tree, { recursive: true });
  for (const [name, bytes] of Object.entries(FILES)) writeFileSync(join(tree, name), bytes);
  const sparse = openSync(join(tree, 'sparse'), 'w');
  writeFileSync(sparse, 'end');
  closeSync(sparse);
  spawnSync('truncate', ['-s', '400000', join(tree, 'sparse')]);
  const r = spawnSync('mksquashfs', [tree, path, '-noappend', '-quiet', '-no-progress', '-b', '64K']);
  assert.equal(r.status, 0, r.stderr.toString());
  return path;
}

function open(path: string): FileSource {
  const src = new FileSource(path);
  opened.push(src);
  return src;
}

/** The shared pool, counting the tasks it is given. */
function counting(): TaskRunner & { runs: number; flushes: number } {
  const runner = {
    inThread: false,
    runs: 0,
    flushes: 0,
    run(task: Parameters<TaskRunner['run']>[0]) {
      runner.runs++;
      return pool.run(task);
    },
    flush() {
      runner.flushes++;
      pool.flush();
    },
  };
  return runner;
}

async function written(entry: FsEntry): Promise<Buffer> {
  const path = join(dir, `out-${entry.path.slice(1)}`);
  const fd = openSync(path, 'w');
  try {
    await entry.writeTo!(fd, Number.MAX_SAFE_INTEGER);
  } finally {
    closeSync(fd);
  }
  return readFileSync(path);
}

test('read-ahead starts decoding blocks and fragments during the walk, within its allowance, and writes the same bytes', async (t) => {
  if (!hasTool('mksquashfs')) return t.skip('squashfs-tools not installed');
  const path = image();
  const expected = { ...FILES, sparse: Buffer.concat([Buffer.from('end'), Buffer.alloc(400_000 - 3)]) };
  // Allowance -> decode tasks started: none; a (first in the walk) fills it; a, b and c but no room left for
  // the 64 KiB fragment block holding small's tail; all three and the fragment block.
  for (const [allowance, readAhead] of [[0, 0], [300_000, 1], [1 << 20, 3], [2 << 20, 4]] as const) {
    const runner = counting();
    const vfs = buildTree(new SquashfsV4(open(path), runner, allowance), testContext());
    assert.equal(runner.runs, readAhead, `allowance ${allowance}: tasks started by the walk`);
    if (readAhead > 0) assert.ok(runner.flushes > 0, 'the tasks went to the workers during the walk');
    for (const [name, bytes] of Object.entries(expected)) {
      assert.deepEqual(await written(vfs.get(`/${name}`)!), bytes, `allowance ${allowance}: /${name}`);
    }
  }
});

test('a damaged block of a file read ahead fails when the file is written, as without read-ahead', async (t) => {
  if (!hasTool('mksquashfs')) return t.skip('squashfs-tools not installed');
  const path = image();
  const probe = new SquashfsV4(open(path), inlineRunner);
  const entry = probe.readDir(probe.readInode(probe.rootRef)).find((e) => e.name.toString() === 'a')!;
  const start = probe.readInode(entry.inode).file!.start;
  const bytes = readFileSync(path);
  bytes.fill(0xff, start + 4, start + 64);
  const damaged = join(dir, 'damaged.sqfs');
  writeFileSync(damaged, bytes);
  for (const allowance of [0, 1 << 20]) {
    const vfs = buildTree(new SquashfsV4(open(damaged), pool, allowance), testContext());
    await assert.rejects(written(vfs.get('/a')!), FormatError, `allowance ${allowance}`);
    assert.deepEqual(await written(vfs.get('/c')!), FILES.c);
  }
});
