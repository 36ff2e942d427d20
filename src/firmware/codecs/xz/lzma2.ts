import { FormatError } from '../../errors.js';
import { splitPropsByte } from '../lib/lzma-decoder.js';
import type { LzmaEngine } from '../lib/lzma-engine.js';

// LZMA2 (xz-file-format.txt, filter 0x21): a sequence of chunks, each with a control byte. 0x00 ends the
// stream; 0x01/0x02 are stored chunks (with/without a dictionary reset); 0x80-0xFF are LZMA chunks whose
// bits 5-6 say what to reset (nothing, state, state + new properties, all + dictionary) and whose headers
// carry both the unpacked and the packed size. Those sizes let us measure a stream without decoding it.

export interface Lzma2Extent {
  /** Offset just past the end-of-stream byte. */
  readonly end: number;
  readonly unpacked: number;
}

/** Walks the chunk headers from `start` without decoding; throws on a malformed or truncated layout. */
export function scanLzma2(buf: Uint8Array, start: number, limit: number): Lzma2Extent {
  let pos = start;
  let unpacked = 0;
  let first = true;
  for (;;) {
    if (pos >= limit) throw new FormatError('xz: LZMA2 data is truncated');
    const control = buf[pos]!;
    if (control === 0x00) return { end: pos + 1, unpacked };
    if (first && control !== 0x01 && control < 0xe0) throw new FormatError('xz: LZMA2 does not start with a dictionary reset');
    first = false;
    if (control === 0x01 || control === 0x02) {
      if (pos + 3 > limit) throw new FormatError('xz: LZMA2 chunk header is truncated');
      const size = ((buf[pos + 1]! << 8) | buf[pos + 2]!) + 1;
      unpacked += size;
      pos += 3 + size;
    } else if (control >= 0x80) {
      const header = control >= 0xc0 ? 6 : 5;
      if (pos + header > limit) throw new FormatError('xz: LZMA2 chunk header is truncated');
      unpacked += ((control & 0x1f) << 16) + ((buf[pos + 1]! << 8) | buf[pos + 2]!) + 1;
      pos += header + ((buf[pos + 3]! << 8) | buf[pos + 4]!) + 1;
    } else {
      throw new FormatError(`xz: invalid LZMA2 control byte 0x${control.toString(16)}`);
    }
    if (pos > limit) throw new FormatError('xz: LZMA2 chunk runs past the end of the input');
  }
}

/**
 * Decodes one LZMA2 stream at `start` into `d.out` from `d.pos` on. The caller has sized the output with
 * scanLzma2, so every chunk must decode to exactly its declared size and consume exactly its packed bytes.
 */
export function decodeLzma2(d: LzmaEngine, buf: Uint8Array, start: number): number {
  let pos = start;
  let haveProps = false;
  for (;;) {
    const control = buf[pos]!;
    if (control === 0x00) return pos + 1;
    if (control === 0x01 || control === 0x02) {
      if (control === 0x01) d.dictStart = d.pos;
      const size = ((buf[pos + 1]! << 8) | buf[pos + 2]!) + 1;
      const out = d.ensure(d.pos + size);
      out.set(buf.subarray(pos + 3, pos + 3 + size), d.pos);
      d.pos += size;
      pos += 3 + size;
      continue;
    }
    const unpacked = ((control & 0x1f) << 16) + ((buf[pos + 1]! << 8) | buf[pos + 2]!) + 1;
    const packed = ((buf[pos + 3]! << 8) | buf[pos + 4]!) + 1;
    const reset = (control >>> 5) & 3;
    pos += 5;
    if (reset === 3) d.dictStart = d.pos;
    if (reset >= 2) {
      const props = splitPropsByte(buf[pos++]!);
      if (!props || props.lc + props.lp > 4) throw new FormatError('xz: invalid LZMA2 properties');
      d.setProps(props.lc, props.lp, props.pb);
      haveProps = true;
    } else if (!haveProps) {
      throw new FormatError('xz: LZMA2 chunk before any properties');
    }
    if (reset >= 1) d.resetState();
    d.rc.init(buf, pos, pos + packed);
    const target = d.pos + unpacked;
    const why = d.decode(target);
    if (why !== 'size' || d.pos !== target || d.overlong) throw new FormatError('xz: LZMA2 chunk does not decode to its declared size');
    if (d.rc.pos !== pos + packed || !d.rc.finishedOk) throw new FormatError('xz: LZMA2 chunk does not end where its header says');
    pos += packed;
  }
}
