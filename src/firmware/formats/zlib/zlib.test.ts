import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { BufferSource } from '../../source/index.js';
import { standaloneContext } from '../../unpack/context.js';
import { zlib } from './index.js';

const text = Buffer.from('the same line again and again\n'.repeat(200));

test('a zlib stream is probed, decoded and measured, leaving trailing bytes alone', async () => {
  const stream = deflateSync(text, { level: 9 });
  const src = new BufferSource(Buffer.concat([stream, Buffer.from('TRAILER')]), 'mem');
  assert.ok(zlib.probe(src));
  const out = await zlib.unpack(src, standaloneContext());
  assert.equal(out.kind, 'blobs');
  assert.equal(out.length, stream.length);
  if (out.kind === 'blobs') assert.deepEqual(out.blobs[0]!.source.read(0, out.blobs[0]!.source.size), text);
});

test('random bytes with a zlib-looking header are not taken for a stream', () => {
  const junk = Buffer.alloc(4096, 0xa5);
  junk[0] = 0x78;
  junk[1] = 0x9c;
  assert.equal(zlib.probe(new BufferSource(junk, 'junk')), null);
  assert.equal(zlib.probe(new BufferSource(Buffer.from([0x78, 0x9c]), 'short')), null);
});

test('a stream that expands past the ratio limit is a limit hit', async () => {
  const bomb = deflateSync(Buffer.alloc(10 * 1024 * 1024));
  const ctx = standaloneContext({ limits: { maxRatio: 10 } });
  await assert.rejects(zlib.unpack(new BufferSource(bomb, 'bomb'), ctx), (e: { code?: string }) => e.code === 'ERR_UNPACK_LIMIT');
});
