import { FormatError } from '../../errors.js';
import { asBuffer, checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { decodeFrame, decodeLegacy, Lz4Output, LZ4_LEGACY_MAGIC, LZ4_MAGIC } from './frame.js';

export interface Lz4Result {
  readonly data: Buffer;
  /** Input bytes spanned by the frames. */
  readonly consumed: number;
}

function magicAt(b: Uint8Array, at: number): number {
  return at + 4 <= b.length ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : 0;
}

const isSkippable = (m: number): boolean => m >>> 4 === 0x184d2a5;

/** Decodes the LZ4 frames (modern, legacy, skippable) at the start of `input`; trailing bytes are left. */
export function decodeLz4Frames(input: Uint8Array, maxOutput: number): Lz4Result {
  const out = new Lz4Output(maxOutput);
  let pos = 0;
  let frames = 0;
  for (;;) {
    const magic = magicAt(input, pos);
    if (magic === LZ4_MAGIC) pos = decodeFrame(input, pos, out);
    else if (magic === LZ4_LEGACY_MAGIC) pos = decodeLegacy(input, pos, out);
    else if (isSkippable(magic)) pos += 8 + magicAt(input, pos + 4);
    else if (frames === 0) throw new FormatError('lz4: no LZ4 frame magic');
    else break;
    if (pos > input.length) throw new FormatError('lz4: skippable frame runs past the input');
    frames++;
  }
  return { data: asBuffer(out.buf.subarray(0, out.len)), consumed: pos };
}

export function decompressLz4Frame(input: Buffer, options: DecompressOptions): Buffer {
  const out = decodeLz4Frames(input, options.maxOutput).data;
  checkExpected('lz4-frame', out.length, options.expectedSize);
  return out;
}
