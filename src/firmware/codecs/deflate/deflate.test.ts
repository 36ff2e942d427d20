import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { decompress } from '../index.js';
import { assertFormatError, samples, textBytes } from '../../../test-support/codec-data.js';
import { decodeDeflate } from './codec.js';

const MAX = 64 << 20;

describe('deflate codec', () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`round-trips ${name}`, () => {
      assert.ok(decompress('deflate', deflateRawSync(data), { maxOutput: MAX }).equals(data));
    });
  }

  it('reports the bytes used and checks expectedSize', () => {
    const d = deflateRawSync(textBytes(5000));
    assert.equal(decodeDeflate(Buffer.concat([d, Buffer.alloc(10, 0xff)]), MAX).consumed, d.length);
    assertFormatError(() => decompress('deflate', d, { maxOutput: MAX, expectedSize: 4999 }));
  });

  it('fails cleanly on truncation, garbage and output over the cap', () => {
    const d = deflateRawSync(textBytes(50_000));
    assertFormatError(() => decompress('deflate', d.subarray(0, d.length >> 1), { maxOutput: MAX }));
    assertFormatError(() => decompress('deflate', Buffer.from([0xff, 0xff, 0xff, 0xff]), { maxOutput: MAX }));
    assertFormatError(() => decompress('deflate', deflateRawSync(Buffer.alloc(4 << 20)), { maxOutput: 1 << 20 }), /cap/);
  });
});
