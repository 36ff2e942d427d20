import type { LzmaEnd } from './lzma-symbols.js';

/** What the LZMA1 and LZMA2 stream decoders need from a symbol decoder (JS or WebAssembly). */
export interface LzmaEngine {
  /** Output so far lives in `out[0, pos)`; a view that a later `ensure` or `decode` may replace. */
  readonly out: Uint8Array;
  pos: number;
  dictStart: number;
  overlong: boolean;
  readonly rc: {
    init(buf: Uint8Array, start: number, end: number): void;
    readonly pos: number;
    readonly overrun: boolean;
    readonly finishedOk: boolean;
  };
  setProps(lc: number, lp: number, pb: number): void;
  resetState(): void;
  decode(end: number, stopAtInputEnd?: boolean): LzmaEnd;
  /** Room for `need` output bytes (capped); returns the current output view. */
  ensure(need: number): Uint8Array;
  /**
   * The decoded bytes, owned by the caller; with `transient`, possibly a view of the engine's memory that
   * only lasts until its next use in this thread.
   */
  result(transient?: boolean): Uint8Array;
}
