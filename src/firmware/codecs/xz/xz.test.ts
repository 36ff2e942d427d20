import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decompress } from '../index.js';
import { corpusFile, run } from '../../../test-support/corpus.js';
import { assertFormatError, corrupt, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { decodeXz } from './codec.js';

const MAX = 64 << 20;

describe('xz codec against xz-utils', { skip: missing('xz') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`decodes ${name} (${data.length} bytes) like xz -d`, () => {
      const packed = tool('xz', ['-c', '-3'], data);
      const r = decodeXz(packed, { maxOutput: MAX });
      assert.ok(r.data.equals(data));
      assert.equal(r.consumed, packed.length);
    });
  }

  // Machine code exercises the branch converters; text exercises every check type and multi-block files.
  const code = readFileSync(process.execPath).subarray(0, 300_000);
  const variants: [string, string[], Buffer][] = [
    ['CRC32 check', ['--check=crc32'], textBytes(100_000)],
    ['SHA-256 check', ['--check=sha256'], textBytes(100_000)],
    ['no check', ['--check=none'], textBytes(100_000)],
    ['several blocks', ['--block-size=30000'], textBytes(200_000)],
    ['lc=4 lp=0 pb=0', ['--lzma2=preset=1,lc=4,lp=0,pb=0'], textBytes(100_000)],
    ['lc=0 lp=4 pb=4', ['--lzma2=preset=1,lc=0,lp=4,pb=4'], textBytes(100_000)],
    ['delta filter', ['--delta=dist=4', '--lzma2=preset=1'], textBytes(50_000)],
    ['x86 BCJ', ['--x86', '--lzma2=preset=1'], code],
    ['ARM BCJ', ['--arm', '--lzma2=preset=1'], code],
    ['ARM-Thumb BCJ', ['--armthumb', '--lzma2=preset=1'], code],
    ['ARM64 BCJ', ['--arm64', '--lzma2=preset=1'], code],
    ['PowerPC BCJ', ['--powerpc', '--lzma2=preset=1'], code],
    ['SPARC BCJ', ['--sparc', '--lzma2=preset=1'], code],
    ['x86 BCJ with start offset', ['--x86=start=4096', '--lzma2=preset=1'], code],
  ];
  for (const [label, args, data] of variants) {
    it(`decodes ${label}`, (t) => {
      let packed: Buffer;
      try {
        packed = tool('xz', ['-c', ...args], data);
      } catch {
        t.skip(`this xz cannot write ${label}`);
        return;
      }
      assert.ok(decompress('xz', packed, { maxOutput: MAX }).equals(data));
    });
  }

  it('decodes concatenated streams with stream padding and reports the span', () => {
    const a = tool('xz', ['-c'], Buffer.from('first stream\n'));
    const b = tool('xz', ['-c'], Buffer.from('second stream\n'));
    const input = Buffer.concat([a, Buffer.alloc(8), b, Buffer.from('trailing firmware bytes')]);
    const r = decodeXz(input, { maxOutput: MAX });
    assert.equal(r.data.toString(), 'first stream\nsecond stream\n');
    assert.equal(r.consumed, a.length + 8 + b.length);
  });

  it('fails cleanly on truncated and corrupted input', () => {
    const packed = tool('xz', ['-c'], textBytes(100_000));
    for (const cut of [5, 12, 40, packed.length >> 1, packed.length - 1]) {
      assertFormatError(() => decompress('xz', packed.subarray(0, cut), { maxOutput: MAX }));
    }
    for (const at of [3, 8, 20, 200, packed.length >> 1, packed.length - 30, packed.length - 6]) {
      assertFormatError(() => decompress('xz', corrupt(packed, at), { maxOutput: MAX }));
    }
  });

  it('refuses output over the cap before decoding (decompression bomb)', () => {
    const bomb = tool('xz', ['-c'], Buffer.alloc(20 << 20));
    assert.ok(bomb.length < 10_000);
    assertFormatError(() => decompress('xz', bomb, { maxOutput: 1 << 20 }), /cap/);
  });

  it('checks expectedSize', () => {
    const packed = tool('xz', ['-c'], Buffer.from('hello'));
    assertFormatError(() => decompress('xz', packed, { maxOutput: MAX, expectedSize: 6 }));
    assert.equal(decompress('xz', packed, { maxOutput: MAX, expectedSize: 5 }).toString(), 'hello');
  });
});

describe('xz codec on the corpus', () => {
  it('decodes sevenz/test.xz like xz -d', (t) => {
    const f = corpusFile('fact_extractor/sevenz/test.xz');
    if (!f || missing('xz')) return t.skip('corpus or xz missing');
    assert.ok(decompress('xz', readFileSync(f), { maxOutput: MAX }).equals(run('xz', ['-dc', f])));
  });

  it('decodes every generic_fs and sevenz image like xz -d', (t) => {
    if (!corpusFile('fact_extractor/generic_fs') || missing('xz')) return t.skip('corpus or xz missing');
    for (const name of ['generic_fs/btrfs.img.xz', 'generic_fs/mbr.img.xz', 'sevenz/ntfs.img.xz', 'sevenz/ext4.img.xz']) {
      const f = corpusFile(`fact_extractor/${name}`)!;
      assert.ok(decompress('xz', readFileSync(f), { maxOutput: 1 << 30 }).equals(run('xz', ['-dc', f])), name);
    }
  });

  it('rejects generic_carver/fake_xz.xz (a header with no valid stream)', (t) => {
    const f = corpusFile('fact_extractor/generic_carver/fake_xz.xz');
    if (!f) return t.skip('corpus missing');
    assertFormatError(() => decompress('xz', readFileSync(f), { maxOutput: MAX }));
  });

  it('decodes the xz payload of linuxkernel/bzImage_xz to the kernel ELF image', (t) => {
    const f = corpusFile('fact_extractor/linuxkernel/bzImage_xz');
    if (!f) return t.skip('corpus missing');
    const image = readFileSync(f);
    const r = decodeXz(image.subarray(17001), { maxOutput: 1 << 28 });
    assert.equal(r.data.subarray(0, 4).toString('latin1'), '\x7fELF');
    assert.ok(17001 + r.consumed <= image.length);
  });
});
