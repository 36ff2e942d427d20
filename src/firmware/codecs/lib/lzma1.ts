import { FormatError } from '../../errors.js';
import type { LzmaEnd } from './lzma-decoder.js';
import { createLzmaEngine } from './lzma-factory.js';

// One LZMA1 stream with known properties, as the .lzma header, a squashfs block or a vendor header gives
// them. Sizes: `size` when known exactly; otherwise the stream must end with an end marker, unless
// `allowInputEnd` (vendor data with neither a size nor a marker) lets the input's end stop it.

export interface Lzma1Params {
  readonly lc: number;
  readonly lp: number;
  readonly pb: number;
  /** Exact output size, or undefined when only an end marker (or the input's end) can stop the stream. */
  readonly size: number | undefined;
  readonly maxOutput: number;
  readonly allowInputEnd?: boolean;
  /** Force a symbol decoder (tests compare the two); default: WebAssembly when available. */
  readonly engine?: 'wasm' | 'js';
}

export interface Lzma1Result {
  readonly data: Uint8Array;
  /** Input bytes the range coder consumed after `start`. */
  readonly consumed: number;
  readonly end: LzmaEnd;
}

const INITIAL_UNKNOWN = 1 << 20;

/**
 * Output room to start with. A declared size is trusted only as far as the input could plausibly expand
 * (64x plus 1 MiB); beyond that the output grows as real data decodes, so a tiny stream that claims
 * gigabytes allocates nothing big before it fails.
 */
export function initialRoom(inputLength: number, size: number | undefined): number {
  if (size === undefined) return Math.min(INITIAL_UNKNOWN, Math.max(inputLength * 4, 4096));
  return Math.min(size, inputLength * 64 + (1 << 20));
}

export function decodeLzma1(input: Uint8Array, start: number, p: Lzma1Params): Lzma1Result {
  if (p.size !== undefined && p.size > p.maxOutput) throw new FormatError(`lzma: declared size ${p.size} is over the ${p.maxOutput}-byte cap`);
  // Without a size, one byte of slack past the cap lets a stream whose end marker sits exactly at the cap
  // (a full squashfs metadata block) finish; anything longer is over the cap.
  const cap = p.size ?? p.maxOutput + 1;
  const d = createLzmaEngine(input, initialRoom(input.length, p.size), cap, p.engine);
  d.setProps(p.lc, p.lp, p.pb);
  d.resetState();
  if (p.size === 0) return { data: d.result(), consumed: 0, end: 'size' };
  d.rc.init(input, start, input.length);
  const end = d.decode(p.size ?? Number.MAX_SAFE_INTEGER, p.allowInputEnd === true);
  if ((end === 'size' && p.size === undefined) || d.pos > p.maxOutput) throw new FormatError(`lzma: output over the ${p.maxOutput}-byte cap`);
  if (end === 'marker' && !d.rc.finishedOk) throw new FormatError('lzma: corrupt data after the end marker');
  if (end === 'marker' && p.size !== undefined && d.pos !== p.size) throw new FormatError(`lzma: stream ended at ${d.pos} of ${p.size} declared bytes`);
  if (d.rc.overrun && end !== 'input') throw new FormatError('lzma: truncated input');
  if (d.overlong) throw new FormatError('lzma: stream is longer than its declared size');
  // Read the position before result(): that hands the decoder's memory back.
  const consumed = Math.min(d.rc.pos, input.length) - start;
  return { data: d.result(), consumed, end };
}
