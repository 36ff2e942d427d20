import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decompress } from '../index.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { assertFormatError, corrupt, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { decodeLz4Frames } from './codec.js';
import { xxh32 } from './xxh32.js';

const MAX = 64 << 20;

describe('lz4-frame codec against lz4', { skip: missing('lz4') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`decodes ${name}`, () => {
      const packed = tool('lz4', ['-q', '-c'], data);
      const r = decodeLz4Frames(packed, MAX);
      assert.ok(r.data.equals(data));
      assert.equal(r.consumed, packed.length);
    });
  }

  const data = Buffer.concat([textBytes(400_000), Buffer.alloc(100_000)]);
  for (const [label, args] of [
    ['linked blocks', ['-BD']],
    ['block checksums and 64 KiB blocks', ['-BX', '-B4']],
    ['content size', ['--content-size']],
    ['no content checksum', ['--no-frame-crc']],
    ['the legacy format', ['-l']],
    ['high compression', ['-9']],
  ] as const) {
    it(`decodes ${label}`, () => {
      assert.ok(decompress('lz4-frame', tool('lz4', ['-q', '-c', ...args], data), { maxOutput: MAX }).equals(data));
    });
  }

  it('fails cleanly on truncation, corruption and output over the cap', () => {
    const packed = tool('lz4', ['-q', '-c', '-BX'], textBytes(200_000));
    for (const cut of [3, 6, 12, packed.length >> 1, packed.length - 1]) {
      assertFormatError(() => decompress('lz4-frame', packed.subarray(0, cut), { maxOutput: MAX }));
    }
    for (const at of [5, 6, packed.length >> 1, packed.length - 2]) {
      assertFormatError(() => decompress('lz4-frame', corrupt(packed, at), { maxOutput: MAX }));
    }
    const bomb = tool('lz4', ['-q', '-c'], Buffer.alloc(16 << 20));
    assertFormatError(() => decompress('lz4-frame', bomb, { maxOutput: 1 << 20 }));
  });

  it('decodes the legacy-format payload of linuxkernel/bzImage_lz4 like lz4 -d', (t) => {
    const f = corpusFile('fact_extractor/linuxkernel/bzImage_lz4');
    if (!f) return t.skip('corpus missing');
    const payload = readFileSync(f).subarray(17001);
    const r = decodeLz4Frames(payload, 1 << 28);
    assert.equal(r.data.subarray(0, 4).toString('latin1'), '\x7fELF');
    assert.ok(r.data.equals(tool('lz4', ['-dc'], payload.subarray(0, r.consumed))));
  });
});

describe('xxh32', () => {
  it('matches the published test vectors', () => {
    assert.equal(xxh32(Buffer.alloc(0)), 0x02cc5d05);
    assert.equal(xxh32(Buffer.from('a')), 0x550d7456);
    assert.equal(xxh32(Buffer.from('abc')), 0x32d153ff);
    assert.equal(xxh32(Buffer.from('Nobody inspects the spammish repetition')), 0xe2293b2f);
  });
});
