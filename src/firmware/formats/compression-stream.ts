import { limitError } from '../limits.js';
import { BufferSource } from '../source/index.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../types.js';

// Shared by the compression-stream format plug-ins (gzip, xz, bzip2, zstd, lzma, lz4): each decodes one
// stream (with its concatenated members/frames) into one blob and reports the compressed length it used,
// so the driver can carve what follows.

export interface StreamResult {
  readonly data: Buffer;
  /** Compressed bytes the stream spanned from offset 0. */
  readonly consumed: number;
  /** Name stored in the stream (gzip FNAME), used for the blob. */
  readonly name?: string;
}

/** The output cap for one stream: the per-layer ratio limit, never above the total limit. */
export function streamCap(src: ByteSource, ctx: UnpackContext): number {
  return Math.min(ctx.limits.maxTotalBytes, Math.max(src.size, 64) * ctx.limits.maxRatio);
}

/** Reads the source, decodes it, charges the output and wraps it as a single blob. */
export async function unpackStream(
  src: ByteSource,
  ctx: UnpackContext,
  format: string,
  decode: (bytes: Buffer, maxOutput: number) => StreamResult,
): Promise<Unpacked> {
  await Promise.resolve();
  ctx.signal.throwIfAborted();
  const cap = streamCap(src, ctx);
  let r: StreamResult;
  try {
    r = decode(src.read(0, src.size), cap);
  } catch (error) {
    // The cap comes from the limits (ratio, total bytes): going over it is a limit hit, not malformed data.
    if (error instanceof Error && /over the (\d+-byte )?cap/.test(error.message)) {
      throw limitError(`${ctx.layer}: ${format} output over ${cap} bytes (--max-ratio ${ctx.limits.maxRatio}, --max-bytes ${ctx.limits.maxTotalBytes})`);
    }
    throw error;
  }
  ctx.charge(r.data.length);
  const name = sanitizeName(r.name) ?? 'data';
  return {
    kind: 'blobs',
    length: r.consumed,
    blobs: [{ name, source: new BufferSource(r.data, `${src.label}:${format}`), description: `${format} stream, ${r.data.length} bytes decompressed` }],
  };
}

/** A stored file name reduced to one safe path segment (no separators, no dot-dot), or undefined. */
function sanitizeName(name: string | undefined): string | undefined {
  const base = [...(name?.split(/[\\/]/).pop() ?? '')].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  return base && base !== '.' && base !== '..' ? base.slice(0, 255) : undefined;
}

/** Runs a probe body and turns any exception into "not this format" (probes must never throw). */
export function safeProbe(src: ByteSource, body: (src: ByteSource) => Probe | null): Probe | null {
  try {
    return body(src);
  } catch {
    return null;
  }
}

/** Up to `n` bytes from the start of the source. */
export function head(src: ByteSource, n: number): Buffer {
  return src.read(0, Math.min(n, src.size));
}
