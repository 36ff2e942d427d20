import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { deflateSync, gzipSync } from 'node:zlib';
import { FormatError } from '../errors.js';
import { decompress } from '../codecs/index.js';
import { textBytes } from '../../test-support/codec-data.js';
import { REPO_ROOT } from '../../test-support/corpus.js';
import { DecompressPool, workerPath } from './pool.js';

describe('decompression pool', () => {
  const pool = new DecompressPool({ threads: 2 });
  after(() => pool.close());

  it('resolves the worker beside the running module (worker.ts under tsx, worker.js in dist)', () => {
    assert.match(workerPath(), /worker\.ts$/);
  });

  it('decompresses in a worker with the same result as decompress()', async () => {
    const data = textBytes(500_000);
    const packed = gzipSync(data);
    const out = await pool.run({ codec: 'gzip', input: packed, options: { maxOutput: 1 << 24 } });
    assert.ok(out.equals(data));
    assert.ok(out.equals(decompress('gzip', packed, { maxOutput: 1 << 24 })));
  });

  it('moves the input when asked and the array owns its memory', async () => {
    const data = textBytes(100_000);
    const packed = new Uint8Array(deflateSync(data));
    const owned = new Uint8Array(packed.length);
    owned.set(packed);
    const out = await pool.run({ codec: 'zlib', input: owned, options: { maxOutput: 1 << 24 }, transfer: true });
    assert.ok(out.equals(data));
    assert.equal(owned.byteLength, 0, 'the transferred array is detached');
  });

  it('runs batches in order and reports bad blocks as FormatError without hiding the others', async () => {
    const blocks = [0, 1, 2, 3, 4, 5].map((i) => textBytes(50_000 + i * 1000));
    const tasks = blocks.map((b) => ({ codec: 'zlib' as const, input: deflateSync(b), options: { maxOutput: 1 << 20 } }));
    tasks.splice(2, 0, { codec: 'zlib', input: Buffer.from('not zlib'), options: { maxOutput: 1 << 20 } });
    const results = await pool.runBatch(tasks);
    assert.ok(results[2] instanceof FormatError);
    const good = results.filter((r): r is Buffer => Buffer.isBuffer(r));
    assert.deepEqual(good.map((b) => b.length), blocks.map((b) => b.length));
  });

  it('enforces maxOutput in the worker', async () => {
    await assert.rejects(pool.run({ codec: 'gzip', input: gzipSync(Buffer.alloc(1 << 20)), options: { maxOutput: 1000 } }), FormatError);
  });

  it('does not keep a process alive after its work is done', () => {
    const script = `
      import { decompressInPool } from './src/firmware/pool/index.ts';
      import { gzipSync } from 'node:zlib';
      const out = await decompressInPool('gzip', gzipSync(Buffer.from('hello')), { maxOutput: 100 });
      console.log(out.toString());
      const done = Date.now();
      process.on('exit', () => console.log('exit-ms', Date.now() - done));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^hello\n/);
    const ms = Number(/exit-ms (\d+)/.exec(r.stdout)?.[1]);
    // Generous: the point is "exits on its own", not a timing; a kept-alive pool would hit the 60 s timeout.
    assert.ok(ms < 30_000);
  });
});

describe('worker execArgv', () => {
  it('keeps module hooks and drops flags a worker refuses', async () => {
    const { workerExecArgv } = await import('./pool.js');
    assert.deepEqual(workerExecArgv(['--import', 'tsx', '--input-type=module', '--test', '--enable-source-maps', '--require=x']), ['--import', 'tsx', '--enable-source-maps', '--require=x']);
  });
});
