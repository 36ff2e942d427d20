import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deflateSync, gzipSync } from 'node:zlib';
import { FormatError } from '../errors.js';
import { textBytes } from '../../test-support/codec-data.js';
import { REPO_ROOT } from '../../test-support/corpus.js';
import { tempDir } from '../../test-support/trees.js';
import { decompressInPool, inlineRunner, WorkerPool, type DecodeTask, type TaskRunner } from './index.js';

const BLOCK = 64 * 1024;

/** Three zlib blocks of text, a stored block and a hole: the shapes a squashfs file's block list takes. */
function fileTask(): { data: Buffer; expect: Buffer; task: Omit<DecodeTask, 'data'> } {
  const parts = [textBytes(BLOCK), textBytes(BLOCK).reverse(), Buffer.from(textBytes(BLOCK).subarray(0, BLOCK))];
  const stored = Buffer.alloc(BLOCK, 0x5a);
  const packed = parts.map((p) => deflateSync(p));
  const data = Buffer.concat([...packed, stored]);
  const items = [];
  let at = 0;
  for (const p of packed) {
    items.push({ job: { codec: 'zlib' as const, skip: 0 }, at, length: p.length, outLength: BLOCK });
    at += p.length;
  }
  items.push({ job: null, at, length: BLOCK, outLength: BLOCK });
  items.push({ job: null, at: at + BLOCK, length: 0, outLength: 1000 });
  const expect = Buffer.concat([...parts, stored, Buffer.alloc(1000)]);
  return { data, expect, task: { items, outSize: expect.length, maxOutput: BLOCK } };
}

function runners(): [string, TaskRunner][] {
  return [['in this thread', inlineRunner], ['on worker threads', new WorkerPool(2)]];
}

describe('decode pool', () => {
  for (const [name, runner] of runners()) {
    it(`decodes compressed, stored and hole blocks into a new buffer ${name}`, async () => {
      const { data, expect, task } = fileTask();
      const out = await runner.run({ ...task, data: new Uint8Array(data) });
      assert.ok(out?.equals(expect));
    });

    it(`writes the blocks at their position in a descriptor ${name}`, async () => {
      const { data, expect, task } = fileTask();
      const tmp = tempDir('iotcop-pool-');
      try {
        const path = join(tmp.dir, 'out');
        const fd = openSync(path, 'w');
        try {
          assert.equal(await runner.run({ ...task, data, fd, position: 10 }), undefined);
          // The trailing hole is skipped, not written: the writer sets the size itself.
          assert.equal(fstatSync(fd).size, 10 + expect.length - 1000);
        } finally {
          closeSync(fd);
        }
        assert.ok(readFileSync(path).subarray(10).equals(expect.subarray(0, expect.length - 1000)));
      } finally {
        tmp.cleanup();
      }
    });

    it(`reads a span of the image file itself and refuses a replaced file ${name}`, async () => {
      const { data, expect, task } = fileTask();
      const tmp = tempDir('iotcop-pool-');
      try {
        const path = join(tmp.dir, 'image');
        writeFileSync(path, Buffer.concat([Buffer.alloc(7), data]));
        const st = statSync(path);
        const file = { path, dev: st.dev, ino: st.ino, offset: 7, length: data.length };
        const out = await runner.run({ ...task, file });
        assert.ok(out?.equals(expect));
        await assert.rejects(runner.run({ ...task, file: { ...file, ino: st.ino + 1 } }), FormatError);
        await assert.rejects(runner.run({ ...task, file: { ...file, length: data.length + 100 } }), FormatError);
      } finally {
        tmp.cleanup();
      }
    });

    it(`reports bad data and overflowing blocks as FormatError ${name}`, async () => {
      const { data, task } = fileTask();
      const bad = Buffer.from(data);
      bad.fill(0xff, 2, 40);
      await assert.rejects(runner.run({ ...task, data: bad }), FormatError);
      // The cap holds for a block of unknown size too (a bomb stops inside zlib).
      const bomb = deflateSync(Buffer.alloc(1 << 20));
      const one = { job: { codec: 'zlib' as const, skip: 0 }, at: 0, length: bomb.length, outLength: -1 };
      await assert.rejects(runner.run({ data: bomb, items: [one], outSize: -1, maxOutput: BLOCK }), FormatError);
      // Block sizes that do not add up to the task's size are refused before anything is decoded.
      await assert.rejects(runner.run({ ...task, data, outSize: task.outSize + 1 }), FormatError);
    });
  }

  it('decompressInPool has decompress()\'s contract and moves an owned input to the worker', async () => {
    const text = textBytes(200_000);
    const input = new Uint8Array(gzipSync(text));
    const owned = new Uint8Array(input.length);
    owned.set(input);
    const out = await decompressInPool('gzip', owned, { maxOutput: 1 << 20, expectedSize: text.length }, new WorkerPool(1));
    assert.ok(out.equals(text));
    assert.equal(owned.byteLength, 0, 'the transferred array is detached');
    await assert.rejects(decompressInPool('gzip', gzipSync(text), { maxOutput: 1000 }, new WorkerPool(1)), FormatError);
  });

  it('falls back to this thread when it has no workers', async () => {
    const { data, expect, task } = fileTask();
    const out = await new WorkerPool(0).run({ ...task, data });
    assert.ok(out?.equals(expect));
  });

  it('decodes in this thread, losing no task, when its workers cannot start', async () => {
    const pool = new WorkerPool(2, () => new Worker('throw new Error("no decoding here")', { eval: true }));
    const { data, expect, task } = fileTask();
    const [first, second] = await Promise.all([pool.run({ ...task, data }), pool.run({ ...task, data: Buffer.from(data) })]);
    assert.ok(first?.equals(expect));
    assert.ok(second?.equals(expect));
    const text = textBytes(50_000);
    assert.ok((await decompressInPool('gzip', gzipSync(text), { maxOutput: 1 << 20 }, pool)).equals(text));
  });

  it('does not keep a process alive after its work is done', () => {
    const script = `
      import { decompressInPool } from './src/firmware/pool/index.ts';
      import { gzipSync } from 'node:zlib';
      const out = await decompressInPool('gzip', gzipSync(Buffer.from('hello')), { maxOutput: 100 });
      console.log(out.toString());
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, IOTCOP_WORKERS: '2' },
    });
    // A pool that kept the process alive would run into the timeout (status null).
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'hello\n');
  });
});
