import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decompress } from '../index.js';
import { assertFormatError, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { detectLzmaRawProps } from './detect.js';

const MAX = 64 << 20;

function raw(data: Buffer, lc: number, lp: number, pb: number): Buffer {
  return tool('xz', ['-c', '--format=raw', `--lzma1=preset=1,lc=${lc},lp=${lp},pb=${pb}`], data);
}

describe('lzma-raw codec against xz --format=raw --lzma1', { skip: missing('xz') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    if (name === 'large') continue;
    it(`decodes ${name} with the default properties`, () => {
      const packed = raw(data, 3, 0, 2);
      assert.ok(decompress('lzma-raw', packed, { maxOutput: MAX }).equals(data));
      assert.ok(decompress('lzma-raw', packed, { maxOutput: MAX, expectedSize: data.length }).equals(data));
    });
  }

  for (const [lc, lp, pb] of [[0, 0, 0], [4, 0, 0], [0, 4, 4], [1, 3, 1], [2, 2, 3]] as const) {
    it(`decodes lc=${lc} lp=${lp} pb=${pb} given as options.lzma`, () => {
      const data = textBytes(40_000);
      const out = decompress('lzma-raw', raw(data, lc, lp, pb), { maxOutput: MAX, expectedSize: data.length, lzma: { lc, lp, pb, dictSize: 1 << 20 } });
      assert.ok(out.equals(data));
    });
  }

  it('detects non-standard properties and a leading offset by trial', () => {
    const data = textBytes(30_000);
    const packed = Buffer.concat([Buffer.from([0xaa, 0xbb]), raw(data, 2, 1, 0)]);
    const found = detectLzmaRawProps(packed, data.length);
    // Equivalent properties may be found first (ASCII text never sets a byte's top bit), so the check is
    // that the guess decodes the data, from the right offset.
    assert.ok(found);
    assert.equal(found.offset, 2);
    const out = decompress('lzma-raw', packed.subarray(found.offset), { maxOutput: MAX, expectedSize: data.length, lzma: { ...found, dictSize: 1 << 20 } });
    assert.ok(out.equals(data));
    assert.equal(detectLzmaRawProps(Buffer.from(textBytes(100)), 100), undefined);
  });

  it('fails cleanly with wrong properties, truncation or a size over the cap', () => {
    const data = textBytes(40_000);
    const packed = raw(data, 3, 0, 2);
    assert.throws(() => {
      const out = decompress('lzma-raw', packed, { maxOutput: MAX, expectedSize: data.length, lzma: { lc: 0, lp: 2, pb: 0, dictSize: 1 << 20 } });
      if (!out.equals(data)) throw new Error('wrong properties produced different data');
    });
    assertFormatError(() => decompress('lzma-raw', packed.subarray(0, packed.length >> 1), { maxOutput: MAX, expectedSize: data.length }));
    assertFormatError(() => decompress('lzma-raw', packed, { maxOutput: 1000, expectedSize: data.length }), /cap/);
  });
});
