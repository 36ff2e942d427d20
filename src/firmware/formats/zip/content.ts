import { crc32 } from 'node:zlib';
import { decompress, hasCodec, type CodecId } from '../../codecs/index.js';
import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import type { CentralEntry } from './central.js';
import { SIG_LOCAL } from './eocd.js';

/** Compression methods (APPNOTE 4.4.5) and the codec that reads each. */
const METHODS: Readonly<Record<number, { name: string; codec?: CodecId }>> = {
  0: { name: 'stored' },
  8: { name: 'deflate', codec: 'deflate' },
  9: { name: 'deflate64' },
  12: { name: 'bzip2', codec: 'bzip2' },
  14: { name: 'LZMA', codec: 'lzma-raw' },
  93: { name: 'zstd', codec: 'zstd' },
  95: { name: 'xz', codec: 'xz' },
};

export function methodName(method: number): string {
  return METHODS[method]?.name ?? `method ${method}`;
}

/** Whether this build can read the entry's data (known method with its codec present, not encrypted). */
export function readable(e: CentralEntry): boolean {
  if (e.flags & 1) return false;
  if (e.method === 0) return true;
  const codec = METHODS[e.method]?.codec;
  return codec !== undefined && hasCodec(codec);
}

/**
 * Start of the entry's data: after the local header, whose name and extra lengths may differ from the
 * central ones. Its sizes are ignored (they are zero with a data descriptor, and never trusted anyway).
 */
function dataOffset(src: ByteSource, e: CentralEntry): number {
  const local = src.read(e.localOffset, 30);
  if (local.readUInt32LE(0) !== SIG_LOCAL) throw new FormatError(`zip: ${e.name}: no local header at 0x${e.localOffset.toString(16)}`);
  return e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

function inflate(e: CentralEntry, data: Buffer): Buffer {
  const m = METHODS[e.method];
  if (e.method === 0) return data;
  if (!m?.codec || !hasCodec(m.codec)) throw new FormatError(`zip: ${e.name}: ${methodName(e.method)} compression is not supported`);
  if (e.usize === 0) return Buffer.alloc(0);
  if (e.method === 14) {
    // LZMA in zip: 2-byte version, 2-byte properties size, then the 5 classic properties and a raw stream.
    if (data.length < 9) throw new FormatError(`zip: ${e.name}: LZMA header too short`);
    const propsSize = data.readUInt16LE(2);
    const lclppb = data[4]!;
    if (propsSize !== 5 || lclppb >= 9 * 5 * 5) throw new FormatError(`zip: ${e.name}: bad LZMA properties`);
    const lzma = { lc: lclppb % 9, lp: Math.floor(lclppb / 9) % 5, pb: Math.floor(lclppb / 45), dictSize: data.readUInt32LE(5) };
    return decompress('lzma-raw', data.subarray(9), { maxOutput: e.usize, expectedSize: e.usize, lzma });
  }
  return decompress(m.codec, data, { maxOutput: e.usize });
}

/** Reads and checks one entry: exactly the central directory's sizes, and its CRC-32. */
export function readEntry(src: ByteSource, e: CentralEntry): Buffer {
  if (e.flags & 1) throw new FormatError(`zip: ${e.name} is encrypted`);
  const at = dataOffset(src, e);
  const data = src.read(at, e.csize);
  const out = inflate(e, data);
  if (out.length !== e.usize) throw new FormatError(`zip: ${e.name}: ${out.length} bytes instead of ${e.usize}`);
  if (crc32(out) !== e.crc) throw new FormatError(`zip: ${e.name}: CRC-32 mismatch`);
  return out;
}
