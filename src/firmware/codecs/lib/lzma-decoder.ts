import { FormatError } from '../../errors.js';
import { PROB_INIT, RangeDecoder } from './range-decoder.js';
import { decodeSymbols, LITERAL, type LzmaEnd } from './lzma-symbols.js';

// An LZMA decoder written from the LZMA specification (lzma-specification.txt of the public-domain LZMA SDK).
// The output buffer is the dictionary: the whole stream is kept in memory anyway, so matches copy inside one
// flat Uint8Array with no circular window. State survives between calls, which LZMA2 chunks need.

export type { LzmaEnd } from './lzma-symbols.js';

export interface LzmaProps {
  readonly lc: number;
  readonly lp: number;
  readonly pb: number;
  readonly dictSize: number;
}

/** Splits the LZMA properties byte ((pb * 5 + lp) * 9 + lc); undefined when it is out of range. */
export function splitPropsByte(byte: number): { lc: number; lp: number; pb: number } | undefined {
  if (byte >= 9 * 5 * 5) return undefined;
  return { lc: byte % 9, lp: Math.floor(byte / 9) % 5, pb: Math.floor(byte / 45) };
}

/** Decodes LZMA symbols into a flat output buffer that grows up to a cap. */
export class LzmaDecoder {
  out: Uint8Array;
  pos = 0;
  /** Matches may not reach before this position (LZMA2 dictionary resets); literal positions count from it. */
  dictStart = 0;
  /** Set when a match ran past the requested end (the stream is longer than its declared size). */
  overlong = false;
  readonly rc = new RangeDecoder();
  probs = new Uint16Array(0);
  lc = 0;
  lp = 0;
  pb = 0;
  state = 0;
  /** rep0..rep3: the last four match distances. */
  readonly reps = new Int32Array(4);

  constructor(initial: number, readonly cap: number) {
    this.out = new Uint8Array(Math.max(0, Math.min(initial, cap)));
  }

  setProps(lc: number, lp: number, pb: number): void {
    if (lc > 8 || lp > 4 || pb > 4) throw new FormatError(`lzma: invalid properties lc=${lc} lp=${lp} pb=${pb}`);
    this.lc = lc;
    this.lp = lp;
    this.pb = pb;
    const size = LITERAL + (0x300 << (lc + lp));
    if (this.probs.length !== size) this.probs = new Uint16Array(size);
  }

  resetState(): void {
    this.probs.fill(PROB_INIT);
    this.state = 0;
    this.reps.fill(0);
  }

  /** The decoded bytes so far (a view, not a copy). */
  result(): Uint8Array {
    return this.out.subarray(0, this.pos);
  }

  /**
   * Decodes until `end` output bytes exist, an end marker, or (when `stopAtInputEnd`) the input runs out.
   * The range decoder must have been initialised on the input. Returns why it stopped.
   */
  decode(end: number, stopAtInputEnd = false): LzmaEnd {
    const why = decodeSymbols(this, Math.min(end, this.cap), stopAtInputEnd);
    if (why === 'size' && this.pos >= this.cap && end > this.cap) throw new FormatError(`lzma: output over the ${this.cap}-byte cap`);
    return why;
  }

  /** Makes room for at least `need` bytes (capped); the symbol loop calls it before it could run out. */
  ensure(need: number): Uint8Array {
    if (need > this.out.length && this.out.length < this.cap) {
      const size = Math.min(this.cap, Math.max(need, this.out.length * 2));
      const next = new Uint8Array(size);
      next.set(this.out.subarray(0, this.pos));
      this.out = next;
    }
    return this.out;
  }
}
