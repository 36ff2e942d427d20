import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decompress } from '../index.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { assertFormatError, corrupt, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { decodeLzma } from './codec.js';

const MAX = 64 << 20;

/** A raw LZMA1 stream (with end marker) from xz, and the 5-byte props+dict header for it. */
function raw(data: Buffer, lc = 3, lp = 0, pb = 2): { body: Buffer; props: Buffer } {
  const body = tool('xz', ['-c', '--format=raw', `--lzma1=preset=1,lc=${lc},lp=${lp},pb=${pb},dict=1MiB`], data);
  const props = Buffer.alloc(5);
  props[0] = (pb * 5 + lp) * 9 + lc;
  props.writeUInt32LE(1 << 20, 1);
  return { body, props };
}

function sizeField(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

describe('lzma (alone) codec against xz --format=lzma', { skip: missing('xz') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`decodes ${name} (unknown size, end marker)`, () => {
      const packed = tool('xz', ['-c', '--format=lzma', '-3'], data);
      const r = decodeLzma(packed, { maxOutput: MAX });
      assert.ok(r.data.equals(data));
      assert.equal(r.consumed, packed.length);
      assert.equal(r.candidate.layout, 'alone');
    });
  }

  it('does not allocate what a tiny stream claims (a 1 GiB size on 60 bytes fails as truncated)', () => {
    const packed = tool('xz', ['-c', '--format=lzma'], textBytes(50_000));
    const claim = Buffer.concat([packed.subarray(0, 5), sizeField(1 << 30), packed.subarray(13, 60)]);
    assertFormatError(() => decompress('lzma', claim, { maxOutput: 2 ** 31 }), /truncated/);
  });

  it('decodes a header with a known size (stops at the size)', () => {
    const data = textBytes(50_000);
    const packed = tool('xz', ['-c', '--format=lzma'], data);
    sizeField(data.length).copy(packed, 5);
    assert.ok(decompress('lzma', packed, { maxOutput: MAX }).equals(data));
  });

  it('fails cleanly on truncated, corrupted and over-cap input', () => {
    const data = textBytes(100_000);
    const packed = tool('xz', ['-c', '--format=lzma'], data);
    for (const cut of [4, 13, 20, packed.length >> 1, packed.length - 3]) {
      assertFormatError(() => decompress('lzma', packed.subarray(0, cut), { maxOutput: MAX }));
    }
    for (const at of [13, 40, packed.length >> 1]) {
      assert.throws(() => {
        const out = decompress('lzma', corrupt(packed, at), { maxOutput: MAX });
        if (!out.equals(data)) throw new Error('corruption went unnoticed and produced different data');
      });
    }
    const bomb = tool('xz', ['-c', '--format=lzma'], Buffer.alloc(16 << 20));
    assertFormatError(() => decompress('lzma', bomb, { maxOutput: 1 << 20 }), /cap/);
  });
});

describe('lzma vendor variants', { skip: missing('xz') }, () => {
  const data = textBytes(60_000);

  it('5-byte header (props + dictionary, no size), with the size from the container', () => {
    const { body, props } = raw(data);
    const r = decodeLzma(Buffer.concat([props, body]), { maxOutput: MAX, expectedSize: data.length });
    assert.ok(r.data.equals(data));
    assert.equal(r.candidate.layout, 'alone-no-size');
  });

  it('a bogus size field falls back to the container size', () => {
    const { body, props } = raw(data);
    const input = Buffer.concat([props, Buffer.from('deadbeefcafef00d', 'hex'), body]);
    assert.ok(decompress('lzma', input, { maxOutput: MAX, expectedSize: data.length }).equals(data));
  });

  it('4 bytes of vendor data before the header', () => {
    const packed = tool('xz', ['-c', '--format=lzma'], data);
    const r = decodeLzma(Buffer.concat([Buffer.from([1, 2, 3, 4]), packed]), { maxOutput: MAX });
    assert.ok(r.data.equals(data));
    assert.equal(r.candidate.skip, 4);
  });

  it('DD-WRT header [pb, lc, lp, fb] with non-standard properties', () => {
    const { body } = raw(data, 1, 2, 1);
    const r = decodeLzma(Buffer.concat([Buffer.from([1, 1, 2, 128]), body]), { maxOutput: MAX, expectedSize: data.length });
    assert.ok(r.data.equals(data));
    assert.equal(r.candidate.layout, 'dd-wrt');
  });

  it('does not try vendor layouts when asked not to', () => {
    const { body, props } = raw(data);
    assertFormatError(() => decodeLzma(Buffer.concat([props, body]), { maxOutput: MAX, expectedSize: data.length, vendor: false }));
  });
});

describe('lzma codec on the corpus', () => {
  it('decodes the payload of linuxkernel/bzImage_lzma like xz --format=lzma', (t) => {
    const f = corpusFile('fact_extractor/linuxkernel/bzImage_lzma');
    if (!f || missing('xz')) return t.skip('corpus or xz missing');
    const payload = readFileSync(f).subarray(17001);
    const r = decodeLzma(payload, { maxOutput: 1 << 28 });
    assert.equal(r.data.subarray(0, 4).toString('latin1'), '\x7fELF');
    const reference = tool('xz', ['-dc', '--format=lzma', '--single-stream'], payload.subarray(0, r.consumed));
    assert.ok(r.data.equals(reference));
  });

  it('decodes a metadata block of binwalk/firmware_v4_lzma.squashfs (vendor header without a size)', (t) => {
    const f = corpusFile('binwalk/firmware_v4_lzma.squashfs');
    if (!f) return t.skip('corpus missing');
    const image = readFileSync(f);
    // squashfs 4 superblock: inode table start at byte 64; a metadata block is a 2-byte header + data.
    const at = Number(image.readBigUInt64LE(64));
    const block = image.subarray(at + 2, at + 2 + (image.readUInt16LE(at) & 0x7fff));
    const r = decodeLzma(block, { maxOutput: 8192 });
    assert.equal(r.candidate.layout, 'alone-no-size');
    assert.equal(r.data.length, 8192);
    assert.equal(r.consumed, block.length);
    assert.equal(r.data.readUInt16LE(0), 2, 'the first inode is a directory');
  });
});
