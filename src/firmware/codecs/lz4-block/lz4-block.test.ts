import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decompress } from '../index.js';
import { assertFormatError, missing, randomBytes, textBytes, tool } from '../../../test-support/codec-data.js';

const MAX = 64 << 20;

/** The blocks of an lz4 frame written with independent 64 KiB blocks and no content size: raw LZ4 blocks. */
function blocksOf(frame: Buffer): { data: Buffer; stored: boolean }[] {
  const out: { data: Buffer; stored: boolean }[] = [];
  let at = 7;
  for (;;) {
    const word = frame.readUInt32LE(at);
    if (word === 0) return out;
    const size = word & 0x7fffffff;
    out.push({ data: frame.subarray(at + 4, at + 4 + size), stored: (word & 0x80000000) !== 0 });
    at += 4 + size;
  }
}

describe('lz4-block codec on blocks written by lz4', { skip: missing('lz4') }, () => {
  const data = Buffer.concat([textBytes(150_000), randomBytes(70_000), Buffer.alloc(80_000, 7)]);
  const blocks = blocksOf(tool('lz4', ['-q', '-c', '-B4', '-BI', '--no-frame-crc'], data));

  it('decodes every compressed block to its 64 KiB of data', () => {
    let pos = 0;
    for (const b of blocks) {
      const size = Math.min(65536, data.length - pos);
      const out = b.stored ? b.data : decompress('lz4-block', b.data, { maxOutput: MAX, expectedSize: size });
      assert.ok(out.equals(data.subarray(pos, pos + size)));
      pos += size;
    }
    assert.equal(pos, data.length);
  });

  it('decodes without a known size (up to the cap) and fails cleanly on bad blocks', () => {
    const first = blocks.find((b) => !b.stored)!;
    assert.ok(decompress('lz4-block', first.data, { maxOutput: MAX }).equals(data.subarray(0, 65536)));
    assertFormatError(() => decompress('lz4-block', first.data, { maxOutput: MAX, expectedSize: 65535 }));
    assertFormatError(() => decompress('lz4-block', first.data.subarray(0, 100), { maxOutput: MAX, expectedSize: 65536 }));
    assertFormatError(() => decompress('lz4-block', Buffer.from([0x0f, 0x01, 0x00]), { maxOutput: MAX }));
    assertFormatError(() => decompress('lz4-block', Buffer.from([0x10, 0x41, 0x05, 0x00]), { maxOutput: MAX }), /offset/);
    assertFormatError(() => decompress('lz4-block', first.data, { maxOutput: 1000 }));
  });
});
