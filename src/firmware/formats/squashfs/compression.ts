import { FormatError } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { Compression } from './block-codec.js';

/** Compressor ids of the 4.0 superblock. */
const COMPRESSORS: Readonly<Record<number, { readonly name: string; readonly compression: Compression }>> = {
  1: { name: 'gzip', compression: { kind: 'codec', codec: 'zlib' } },
  2: { name: 'lzma', compression: { kind: 'lzma' } },
  3: { name: 'lzo', compression: { kind: 'codec', codec: 'lzo1x' } },
  4: { name: 'xz', compression: { kind: 'codec', codec: 'xz' } },
  5: { name: 'lz4', compression: { kind: 'codec', codec: 'lz4-block' } },
  6: { name: 'zstd', compression: { kind: 'codec', codec: 'zstd' } },
};

export function compressorFor(id: number): { readonly name: string; readonly compression: Compression } {
  const c = COMPRESSORS[id];
  if (!c) throw new FormatError(`squashfs: unknown compressor id ${id}`);
  return c;
}

const XZ_FILTERS = ['x86', 'powerpc', 'ia64', 'arm', 'armthumb', 'sparc'];
const LZO_ALGORITHMS = ['lzo1x_1', 'lzo1x_1_11', 'lzo1x_1_12', 'lzo1x_1_15', 'lzo1x_999'];

/**
 * Describes the compressor options block that follows the superblock when the options flag is set. The
 * options only steer compression; decoding needs none of them, so they are validated and reported.
 */
export function describeOptions(name: string, block: Buffer, littleEndian: boolean): string {
  const r = new BinaryReader(block, littleEndian, `squashfs ${name} options`);
  switch (name) {
    case 'gzip': {
      const level = r.u32();
      const window = r.u16();
      const strategies = r.u16();
      if (level < 1 || level > 9 || window < 8 || window > 15) throw new FormatError(`squashfs: bad gzip options level ${level} window ${window}`);
      return `level ${level}, window ${window}, strategies 0x${strategies.toString(16)}`;
    }
    case 'xz': {
      const dict = r.u32();
      const filters = r.u32();
      const names = XZ_FILTERS.filter((_, i) => filters & (1 << i));
      return `dictionary ${dict}${names.length ? `, filters ${names.join('+')}` : ''}`;
    }
    case 'lz4': {
      const version = r.u32();
      const flags = r.u32();
      if (version !== 1) throw new FormatError(`squashfs: lz4 format version ${version} is not the legacy block format`);
      return flags & 1 ? 'high compression' : 'default';
    }
    case 'zstd':
      return `level ${r.u32()}`;
    case 'lzo': {
      const algorithm = r.u32();
      const level = r.u32();
      return `${LZO_ALGORITHMS[algorithm] ?? `algorithm ${algorithm}`}, level ${level}`;
    }
    default:
      return `${block.length} option bytes`;
  }
}
