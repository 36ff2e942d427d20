import { decompress, type CodecId } from '../../codecs/index.js';
import { FormatError } from '../../errors.js';
import { runBlockJob } from '../../pool/block-job.js';
import type { BlockJob, LzmaProps } from '../../pool/protocol.js';

export type { BlockJob, LzmaProps } from '../../pool/protocol.js';

/** How a filesystem compresses its blocks. `auto` (2.x/3.x, which have no compressor field) tells zlib from LZMA by the block's first bytes. */
export type Compression = { readonly kind: 'codec'; readonly codec: CodecId } | { readonly kind: 'lzma' } | { readonly kind: 'auto' };

type LzmaVariant = 'alone' | 'props-raw' | 'raw';

/** Props byte of an LZMA header: lc + lp*9 + pb*45, each within its range. */
function propsFrom(byte: number, dictSize: number): LzmaProps | null {
  if (byte >= 9 * 5 * 5) return null;
  const lc = byte % 9;
  const lp = Math.floor(byte / 9) % 5;
  const pb = Math.floor(byte / 45);
  return { lc, lp, pb, dictSize };
}

function isZlibHeader(data: Buffer): boolean {
  return data.length >= 2 && (data[0]! & 0x0f) === 8 && (data[0]! >> 4) <= 7 && ((data[0]! << 8) | data[1]!) % 31 === 0;
}

/**
 * Decides the codec for each block. Squashfs LZMA comes in three shapes: the 13-byte `.lzma` header of
 * squashfs-tools (props, dictionary, 64-bit size), vendor builds that keep only props + dictionary
 * (5 bytes) before the raw stream, and 2.x/3.x vendor patches that store the raw stream with fixed
 * properties (lc=3, lp=0, pb=2). The first variant that fits is kept for the rest of the filesystem.
 */
export class BlockCodec {
  private variant: LzmaVariant | undefined;

  constructor(readonly compression: Compression) {}

  plan(data: Buffer, maxOutput: number): BlockJob {
    const c = this.compression;
    if (c.kind === 'codec') return { codec: c.codec, skip: 0 };
    if (c.kind === 'auto' && isZlibHeader(data)) return { codec: 'zlib', skip: 0 };
    return this.planLzma(data, maxOutput);
  }

  /** Decodes one block; the output must not exceed `maxOutput` and must equal `expectedSize` when given. */
  decode(data: Buffer, maxOutput: number, expectedSize?: number): Buffer {
    const job = this.plan(data, maxOutput);
    const out = runBlockJob(decompress, job, data, maxOutput, expectedSize);
    if (this.compression.kind !== 'codec' && job.codec !== 'zlib') this.variant ??= variantOf(job);
    return out;
  }

  private planLzma(data: Buffer, maxOutput: number): BlockJob {
    const variant = this.variant ?? guessLzmaVariant(data, maxOutput);
    if (!variant) throw new FormatError(`squashfs: block is neither zlib nor a known LZMA layout (starts ${data.subarray(0, 6).toString('hex')})`);
    return lzmaJob(variant, data, maxOutput);
  }
}

function variantOf(job: BlockJob): LzmaVariant {
  if (job.codec === 'lzma') return 'alone';
  return job.skip === 5 ? 'props-raw' : 'raw';
}

function guessLzmaVariant(data: Buffer, maxOutput: number): LzmaVariant | null {
  if (data.length < 6) return data[0] === 0 ? 'raw' : null;
  if (data[0] === 0) return 'raw';
  if (!propsFrom(data[0]!, 0)) return null;
  if (data.length > 13 && data[13] === 0) {
    const size = data.readBigUInt64LE(5);
    if (size === 0xffff_ffff_ffff_ffffn || size <= BigInt(maxOutput)) return 'alone';
  }
  return data[5] === 0 ? 'props-raw' : null;
}

function lzmaJob(variant: LzmaVariant, data: Buffer, maxOutput: number): BlockJob {
  // A dictionary at least as large as the output is all a decoder needs; vendor headers may claim more.
  const dictSize = Math.max(4096, maxOutput);
  if (variant === 'alone') return { codec: 'lzma', skip: 0 };
  if (variant === 'raw') return { codec: 'lzma-raw', skip: 0, lzma: { lc: 3, lp: 0, pb: 2, dictSize } };
  if (data.length < 5) throw new FormatError('squashfs: LZMA block shorter than its header');
  const props = propsFrom(data[0]!, dictSize);
  if (!props) throw new FormatError(`squashfs: bad LZMA properties byte 0x${data[0]!.toString(16)}`);
  return { codec: 'lzma-raw', skip: 5, lzma: props };
}
