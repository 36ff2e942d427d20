import { FormatError } from '../../errors.js';
import { decodeLzma1 } from '../lib/lzma1.js';
import { asBuffer } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { lzmaCandidates, type LzmaCandidate } from './variants.js';

export interface LzmaResult {
  readonly data: Buffer;
  /** Input bytes spanned, header included. */
  readonly consumed: number;
  readonly candidate: LzmaCandidate;
}

export interface LzmaDecodeOptions extends DecompressOptions {
  /** Also try the vendor header layouts when the standard one fails (default true). */
  readonly vendor?: boolean;
}

function tryCandidate(input: Uint8Array, c: LzmaCandidate, options: LzmaDecodeOptions): LzmaResult {
  const size = c.size ?? options.expectedSize;
  const r = decodeLzma1(input, c.dataStart, { lc: c.lc, lp: c.lp, pb: c.pb, size, maxOutput: options.maxOutput, allowInputEnd: c.sizeless && size === undefined });
  if (options.expectedSize !== undefined && r.data.length !== options.expectedSize) {
    throw new FormatError(`lzma: decoded ${r.data.length} bytes where ${options.expectedSize} were expected`);
  }
  return { data: asBuffer(r.data), consumed: c.dataStart + r.consumed, candidate: c };
}

/**
 * Decodes .lzma data: the standard 13-byte header first, then (unless `vendor: false`) the vendor layouts.
 * The first layout that decodes cleanly (and to `expectedSize`, when given) wins; else the first error.
 */
export function decodeLzma(input: Uint8Array, options: LzmaDecodeOptions): LzmaResult {
  const candidates = lzmaCandidates(input, options.maxOutput, options.vendor !== false);
  if (candidates.length === 0) throw new FormatError('lzma: no valid LZMA header');
  let first: unknown;
  for (const c of candidates) {
    try {
      return tryCandidate(input, c, options);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      first ??= error;
    }
  }
  throw first;
}

export function decompressLzma(input: Buffer, options: DecompressOptions): Buffer {
  return decodeLzma(input, options).data;
}
