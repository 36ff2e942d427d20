// Turns a compressed payload of a container into the blob the driver recurses into: decompressed when the
// codec exists, otherwise the raw bytes with a warning, so a missing codec never hides the payload.
import { decompress, hasCodec } from '../codecs/index.js';
import type { CodecId } from '../codecs/index.js';
import { FormatError } from '../errors.js';
import { decodeLzop } from '../codecs/lzo1x/index.js';
import { BufferSource } from '../source/index.js';
import type { ByteSource, UnpackContext } from '../types.js';

/** A codec, or `lzop`: the lzop file container around LZO1X blocks (u-boot and kernel "lzo" payloads). */
export type PayloadCodec = CodecId | 'lzop';

export interface Blob {
  readonly name: string;
  readonly offset?: number;
  readonly source: ByteSource;
  readonly description?: string;
}

/** Largest output a payload of `inputSize` bytes may expand to under the context's limits. */
export function outputCap(ctx: UnpackContext, inputSize: number): number {
  return Math.max(0, Math.min(ctx.limits.maxTotalBytes, Math.max(inputSize, 1) * ctx.limits.maxRatio));
}

export interface PayloadSpec {
  readonly name: string;
  /** Offset of the payload inside the layer's source. */
  readonly offset: number;
  readonly source: ByteSource;
  /** Codec to undo, or undefined for a stored payload. */
  readonly codec: PayloadCodec | undefined;
  readonly description: string;
  readonly expectedSize?: number;
}

/**
 * The blob for one payload. A decompressed blob has no offset (its bytes are not in the parent); a raw blob
 * keeps the payload's offset so the log can place it in the image.
 */
export function payloadBlob(spec: PayloadSpec, ctx: UnpackContext): Blob {
  const raw: Blob = { name: spec.name, offset: spec.offset, source: spec.source, description: spec.description };
  if (spec.codec === undefined) return raw;
  if (spec.codec !== 'lzop' && !hasCodec(spec.codec)) {
    ctx.warn(`${spec.name}: ${spec.codec} codec not available, payload kept compressed`);
    return { ...raw, description: `${spec.description} (${spec.codec}, not decompressed)` };
  }
  try {
    const options = spec.expectedSize === undefined ? { maxOutput: outputCap(ctx, spec.source.size) } : { maxOutput: outputCap(ctx, spec.source.size), expectedSize: spec.expectedSize };
    const input = spec.source.read(0, spec.source.size);
    const out = spec.codec === 'lzop' ? decodeLzop(input, options.maxOutput).data : decompress(spec.codec, input, options);
    ctx.charge(out.length);
    return { name: spec.name, source: new BufferSource(out, `${spec.source.label}:${spec.codec}`), description: `${spec.description} (${spec.codec}-decompressed, ${out.length} bytes)` };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    ctx.warn(`${spec.name}: ${spec.codec} decompression failed (${error.message}), payload kept compressed`);
    return { ...raw, description: `${spec.description} (${spec.codec}, decompression failed)` };
  }
}

/** Adapts a synchronous unpacker to FormatPlugin.unpack so that a thrown FormatError becomes a rejection. */
export function asyncUnpack<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => Promise<R> {
  return (...args: A) => new Promise<R>((resolve) => resolve(fn(...args)));
}

/** A probe length clipped to the source, with a note for the description when the header claims more. */
export function clip(declared: number, src: ByteSource): { length: number; note: string } {
  return declared <= src.size ? { length: declared, note: '' } : { length: src.size, note: ` (truncated: ${src.size} of ${declared} bytes present)` };
}
