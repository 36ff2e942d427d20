import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decompress } from '../index.js';
import { assertFormatError, corrupt, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { decodeZstd } from './codec.js';

const MAX = 64 << 20;

describe('zstd codec against zstd', { skip: missing('zstd') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`decodes ${name}`, () => {
      const packed = tool('zstd', ['-q', '-c', '-3'], data);
      const r = decodeZstd(packed, MAX);
      assert.ok(r.data.equals(data));
      assert.equal(r.consumed, packed.length);
    });
  }

  it('decodes frames without a content size, with checksums, concatenated, before trailing bytes', () => {
    const data = textBytes(300_000);
    const noSize = tool('zstd', ['-q', '-c', '--no-content-size', '--check'], data);
    assert.ok(decompress('zstd', noSize, { maxOutput: MAX }).equals(data));
    const a = tool('zstd', ['-q', '-c'], Buffer.from('one '));
    const b = tool('zstd', ['-q', '-c', '-19'], Buffer.from('two'));
    const r = decodeZstd(Buffer.concat([a, b, Buffer.from('tail')]), MAX);
    assert.equal(r.data.toString(), 'one two');
    assert.equal(r.consumed, a.length + b.length);
  });

  it('does not trust a large declared content size on little data', () => {
    // Frame header: single segment, 4-byte content size = 1 GiB; one raw last block of 3 bytes.
    const frame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xa0, 0x00, 0x00, 0x00, 0x40, 0x19, 0x00, 0x00, 0x61, 0x62, 0x63]);
    assertFormatError(() => decompress('zstd', frame, { maxOutput: 2 ** 31 }), /declared size/);
  });

  it('fails cleanly on truncation, corruption and output over the cap', () => {
    const packed = tool('zstd', ['-q', '-c'], textBytes(200_000));
    for (const cut of [3, 6, 12, packed.length >> 1, packed.length - 1]) {
      assertFormatError(() => decompress('zstd', packed.subarray(0, cut), { maxOutput: MAX }));
    }
    assertFormatError(() => decompress('zstd', corrupt(packed, 4), { maxOutput: MAX }));
    const checked = tool('zstd', ['-q', '-c', '--check'], textBytes(50_000));
    assertFormatError(() => decompress('zstd', corrupt(checked, checked.length - 2), { maxOutput: MAX }), /checksum/);
    const bomb = tool('zstd', ['-q', '-c'], Buffer.alloc(16 << 20));
    assertFormatError(() => decompress('zstd', bomb, { maxOutput: 1 << 20 }), /cap/);
    const bombNoSize = tool('zstd', ['-q', '-c', '--no-content-size'], Buffer.alloc(16 << 20));
    assertFormatError(() => decompress('zstd', bombNoSize, { maxOutput: 1 << 20 }), /cap/);
  });
});
