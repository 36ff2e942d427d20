import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { BufferSource } from '../source/index.js';
import { hasTool } from '../../test-support/corpus.js';
import { testContext } from '../../test-support/format-context.js';
import { tool } from '../../test-support/codec-data.js';
import { payloadBlob } from './payload.js';

test('payloadBlob: a compressed payload becomes its decompressed bytes, charged to the layer', () => {
  const data = Buffer.from('kernel image '.repeat(1000));
  const ctx = testContext();
  const blob = payloadBlob({ name: 'kernel', offset: 64, source: new BufferSource(gzipSync(data), 'p'), codec: 'gzip', description: 'kernel' }, ctx);
  assert.equal(blob.offset, undefined, 'decompressed bytes are not in the parent');
  assert.ok(blob.source.read(0, blob.source.size).equals(data));
  assert.deepEqual(ctx.warnings, []);
});

test('payloadBlob: a payload that does not decode is kept raw at its offset, with a warning', () => {
  const raw = randomBytes(1000);
  const ctx = testContext();
  const blob = payloadBlob({ name: 'kernel', offset: 64, source: new BufferSource(raw, 'p'), codec: 'gzip', description: 'kernel' }, ctx);
  assert.equal(blob.offset, 64);
  assert.equal(blob.source.size, raw.length);
  assert.match(ctx.warnings[0]!, /kernel: gzip decompression failed/);
});

test('payloadBlob: lzop files (u-boot and kernel "lzo" payloads) decode, checksums verified', (t) => {
  if (!hasTool('lzop')) return t.skip('lzop not installed');
  // Random bytes do not compress (lzop stores them); text does (LZO1X blocks).
  for (const data of [randomBytes(600_000), Buffer.from('compressible text, '.repeat(20_000))]) {
    const packed = tool('lzop', ['-c'], data);
    const ctx = testContext();
    const blob = payloadBlob({ name: 'p', offset: 0, source: new BufferSource(packed, 'p'), codec: 'lzop', description: 'p' }, ctx);
    assert.deepEqual(ctx.warnings, []);
    assert.ok(blob.source.read(0, blob.source.size).equals(data));
    const tampered = Buffer.from(packed);
    tampered[tampered.length - 100]! ^= 1;
    const bad = testContext();
    payloadBlob({ name: 'p', offset: 0, source: new BufferSource(tampered, 'p'), codec: 'lzop', description: 'p' }, bad);
    assert.match(bad.warnings[0]!, /^p: lzop decompression failed \((lzop|lzo1x): /);
  }
});
