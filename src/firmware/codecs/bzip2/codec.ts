import { FormatError } from '../../errors.js';
import { asBuffer, checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { BitReader } from './bit-reader.js';
import { invertBlock, readBlock } from './block.js';
import { bzip2Crc } from './crc.js';

// bzip2 streams: "BZh" + block size digit, blocks (48-bit magic 0x314159265359, CRC, data), and the
// end-of-stream marker (0x177245385090) with the combined CRC, padded to a byte. Streams may be concatenated.

const BLOCK_MAGIC = 0x314159265359;
const END_MAGIC = 0x177245385090;

export interface Bzip2Result {
  readonly data: Buffer;
  /** Input bytes spanned by the streams. */
  readonly consumed: number;
}

class Output {
  buf: Uint8Array;
  constructor(initial: number, private readonly cap: number) {
    this.buf = new Uint8Array(Math.min(initial, cap));
  }
  grow(need: number): Uint8Array {
    const next = new Uint8Array(Math.min(this.cap, Math.max(need, this.buf.length * 2)));
    next.set(this.buf);
    this.buf = next;
    return next;
  }
}

function isStreamStart(b: Uint8Array, at: number): boolean {
  return at + 4 <= b.length && b[at] === 0x42 && b[at + 1] === 0x5a && b[at + 2] === 0x68 && b[at + 3]! >= 0x31 && b[at + 3]! <= 0x39;
}

/** Decodes one stream at `start` into `out` from `op`; returns the new output and input positions. */
function decodeStream(input: Uint8Array, start: number, out: Output, op: number, cap: number): { op: number; next: number } {
  if (!isStreamStart(input, start)) throw new FormatError('bzip2: no "BZh" stream header');
  const maxBlock = (input[start + 3]! - 0x30) * 100_000;
  const r = new BitReader(input, start + 4);
  let combined = 0;
  for (;;) {
    const magic = r.u48();
    if (magic === END_MAGIC) {
      if (r.u32() !== combined) throw new FormatError('bzip2: stream CRC does not match (corrupt data)');
      return { op, next: r.byteAlignedPos() };
    }
    if (magic !== BLOCK_MAGIC) throw new FormatError('bzip2: invalid block magic');
    const crc = r.u32();
    const blockStart = op;
    op = invertBlock(readBlock(r, maxBlock), out, op, cap);
    if (bzip2Crc(out.buf, blockStart, op) !== crc) throw new FormatError('bzip2: block CRC does not match (corrupt data)');
    combined = (((combined << 1) | (combined >>> 31)) ^ crc) >>> 0;
  }
}

/** Decodes the bzip2 streams at the start of `input`; bytes after the last stream are left alone. */
export function decodeBzip2(input: Uint8Array, maxOutput: number): Bzip2Result {
  const out = new Output(Math.max(1 << 16, input.length * 4), maxOutput);
  let op = 0;
  let pos = 0;
  do {
    const s = decodeStream(input, pos, out, op, maxOutput);
    op = s.op;
    pos = s.next;
  } while (isStreamStart(input, pos));
  return { data: asBuffer(out.buf.subarray(0, op)), consumed: pos };
}

export function decompressBzip2(input: Buffer, options: DecompressOptions): Buffer {
  const out = decodeBzip2(input, options.maxOutput).data;
  checkExpected('bzip2', out.length, options.expectedSize);
  return out;
}
