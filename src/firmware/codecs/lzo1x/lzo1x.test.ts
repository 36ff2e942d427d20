import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decompress } from '../index.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { FormatError } from '../../errors.js';
import { assertFormatError, corrupt, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { decodeLzop } from './lzop.js';

const MAX = 64 << 20;

/** Raw LZO1X blocks of an lzop file (lzop -1/-9 write LZO1X-1 / LZO1X-999, both read by one decoder). */
function lzoBlocks(file: Buffer): { data: Buffer; size: number }[] {
  // Header of lzop 1.04: fixed fields, then the name (empty from stdin) and the header checksum.
  let at = 9 + 2 + 2 + 2 + 1 + 1;
  const flags = file.readUInt32BE(at);
  at += 4 + 4 + 4 + 4;
  at += 1 + file[at]! + 4;
  const out: { data: Buffer; size: number }[] = [];
  for (;;) {
    const size = file.readUInt32BE(at);
    if (size === 0) return out;
    const packed = file.readUInt32BE(at + 4);
    at += 8 + (flags & 1 ? 4 : 0) + (packed < size && flags & 2 ? 4 : 0);
    if (packed < size) out.push({ data: file.subarray(at, at + packed), size });
    at += packed;
  }
}

describe('lzo1x codec against lzop', { skip: missing('lzop') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    for (const level of ['-1', '-9']) {
      it(`decodes lzop ${level} of ${name}, whole file and raw blocks`, () => {
        const file = tool('lzop', ['-c', level], data);
        assert.ok(decompress('lzo1x', file, { maxOutput: MAX }).equals(data));
        const blocks = lzoBlocks(file);
        let total = 0;
        for (const b of blocks) total += decompress('lzo1x', b.data, { maxOutput: MAX, expectedSize: b.size }).length;
        assert.ok(total <= data.length);
      });
    }
  }

  it('verifies the checksums of lzop files', () => {
    const data = textBytes(100_000);
    for (const args of [['-c'], ['-c', '--crc32']]) {
      const file = tool('lzop', args, data);
      let detected = 0;
      for (let at = 60; at < file.length; at += 997) {
        try {
          if (!decompress('lzo1x', corrupt(file, at), { maxOutput: MAX }).equals(data)) throw new Error('corruption went unnoticed');
        } catch (error) {
          assert.ok(error instanceof FormatError, String(error));
          detected++;
        }
      }
      assert.ok(detected > 0);
    }
  });

  it('fails cleanly on truncated or corrupt raw blocks and over the cap', () => {
    const block = lzoBlocks(tool('lzop', ['-c'], textBytes(200_000)))[0]!;
    for (const cut of [0, 1, 10, block.data.length >> 1, block.data.length - 1]) {
      assertFormatError(() => decompress('lzo1x', block.data.subarray(0, cut), { maxOutput: MAX, expectedSize: block.size }));
    }
    assertFormatError(() => decompress('lzo1x', block.data, { maxOutput: MAX, expectedSize: block.size - 1 }));
    assertFormatError(() => decompress('lzo1x', Buffer.from([18, 0x41, 0x21, 0xff, 0xff]), { maxOutput: MAX }), /distance/);
    assertFormatError(() => decompress('lzo1x', block.data, { maxOutput: 100 }));
  });

  it('decodes the lzop payload of linuxkernel/bzImage_lzo like lzop -d', (t) => {
    const f = corpusFile('fact_extractor/linuxkernel/bzImage_lzo');
    if (!f) return t.skip('corpus missing');
    const payload = readFileSync(f).subarray(17001);
    const r = decodeLzop(payload, 1 << 28);
    assert.equal(r.data.subarray(0, 4).toString('latin1'), '\x7fELF');
    assert.ok(r.data.equals(tool('lzop', ['-dc'], payload.subarray(0, r.consumed))));
  });
});
