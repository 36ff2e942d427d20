// Compressed-stream signatures the Linux kernel build uses for its payloads (arch/*/boot/compressed) and for
// the initramfs: gzip, bzip2, lzma (.lzma alone), xz, lzo (lzop file), lz4 (legacy frame), zstd.
import type { PayloadCodec } from '../../container/payload.js';

export interface Compression {
  readonly name: 'gzip' | 'bzip2' | 'lzma' | 'xz' | 'lzo' | 'lz4' | 'zstd';
  /** Codec to try; lzo payloads are lzop files. lz4 is the legacy frame, tried as lz4-frame. */
  readonly codec: PayloadCodec | undefined;
}

const FIXED: readonly { magic: Buffer; c: Compression }[] = [
  { magic: Buffer.from([0x1f, 0x8b, 0x08]), c: { name: 'gzip', codec: 'gzip' } },
  { magic: Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), c: { name: 'xz', codec: 'xz' } },
  { magic: Buffer.from([0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a]), c: { name: 'lzo', codec: 'lzop' } },
  { magic: Buffer.from([0x02, 0x21, 0x4c, 0x18]), c: { name: 'lz4', codec: 'lz4-frame' } },
  { magic: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), c: { name: 'zstd', codec: 'zstd' } },
];

const BZIP2_BLOCK = Buffer.from('1AY&SY', 'latin1');

/** An .lzma header as the kernel writes it: properties 0x5d (lc=3 lp=0 pb=2) and a power-of-two dictionary. */
function isLzma(b: Buffer, at: number): boolean {
  if (at + 13 > b.length || b[at] !== 0x5d) return false;
  const dict = b.readUInt32LE(at + 1);
  return dict >= 4096 && (dict & (dict - 1)) === 0;
}

function isBzip2(b: Buffer, at: number): boolean {
  const level = b[at + 3] ?? 0;
  return b.toString('latin1', at, at + 3) === 'BZh' && level >= 0x31 && level <= 0x39 && b.subarray(at + 4, at + 10).equals(BZIP2_BLOCK);
}

/** The compression whose signature starts at `at`, if any. */
export function compressionAt(b: Buffer, at: number): Compression | undefined {
  for (const f of FIXED) if (b.subarray(at, at + f.magic.length).equals(f.magic)) return f.c;
  if (isBzip2(b, at)) return { name: 'bzip2', codec: 'bzip2' };
  if (isLzma(b, at)) return { name: 'lzma', codec: 'lzma' };
  return undefined;
}

/** First offset in [from, to) where a compressed stream starts (carving the ARM decompressor stub). */
export function findCompression(b: Buffer, from: number, to: number): { at: number; c: Compression } | undefined {
  const first = [0x1f, 0xfd, 0x89, 0x02, 0x28, 0x42, 0x5d];
  for (let at = from; at < to; at++) {
    if (!first.includes(b[at]!)) continue;
    const c = compressionAt(b, at);
    if (c) return { at, c };
  }
  return undefined;
}
