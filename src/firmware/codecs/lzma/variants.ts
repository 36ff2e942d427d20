import { splitPropsByte } from '../lib/lzma-decoder.js';

// Header layouts of LZMA1 data seen in firmware, most standard first. The .lzma ("alone") header is
// props(1) dict(4, LE) size(8, LE; all ones = unknown). Router vendors also write (as unsquashfs-derived
// tools such as sasquatch document): the header without the size (props + dict, 5 bytes), either header
// after 4 bytes of other data, and DD-WRT's 4-byte header [pb, lc, lp, fast bytes]. A candidate is only
// tried when the byte where the range coder would start is 0, which every LZMA stream starts with.

export interface LzmaCandidate {
  readonly layout: 'alone' | 'alone-no-size' | 'dd-wrt';
  /** Bytes before the header (vendor padding). */
  readonly skip: number;
  readonly dataStart: number;
  readonly lc: number;
  readonly lp: number;
  readonly pb: number;
  readonly dictSize: number;
  /** Declared size, or undefined when the header has none (or an unknown/bogus one). */
  readonly size: number | undefined;
  /** True when the header's size field could not be used (vendor streams may then lack an end marker). */
  readonly sizeless: boolean;
}

function u32le(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The .lzma header at `at`: undefined unless the props byte is valid and the data starts with 0. */
function alone(b: Uint8Array, at: number, maxOutput: number): LzmaCandidate | undefined {
  const props = splitPropsByte(b[at] ?? 255);
  if (!props || at + 14 > b.length || b[at + 13] !== 0) return undefined;
  const lo = u32le(b, at + 5);
  const hi = u32le(b, at + 9);
  const unknown = lo === 0xffffffff && hi === 0xffffffff;
  const size = hi * 2 ** 32 + lo;
  const usable = !unknown && size <= maxOutput;
  return {
    layout: 'alone', skip: at, dataStart: at + 13, ...props, dictSize: u32le(b, at + 1),
    size: usable ? size : undefined, sizeless: !unknown && !usable,
  };
}

function noSize(b: Uint8Array, at: number): LzmaCandidate | undefined {
  const props = splitPropsByte(b[at] ?? 255);
  if (!props || at + 6 > b.length || b[at + 5] !== 0) return undefined;
  return { layout: 'alone-no-size', skip: at, dataStart: at + 5, ...props, dictSize: u32le(b, at + 1), size: undefined, sizeless: true };
}

function ddWrt(b: Uint8Array): LzmaCandidate | undefined {
  if (b.length < 6 || b[4] !== 0) return undefined;
  const [pb, lc, lp] = [b[0]!, b[1]!, b[2]!];
  if (pb > 4 || lc > 8 || lp > 4) return undefined;
  return { layout: 'dd-wrt', skip: 0, dataStart: 4, lc, lp, pb, dictSize: 1 << 23, size: undefined, sizeless: true };
}

/** Plausible layouts of `b`, standard first; `vendor` adds the non-standard ones. */
export function lzmaCandidates(b: Uint8Array, maxOutput: number, vendor: boolean): LzmaCandidate[] {
  const found = [alone(b, 0, maxOutput)];
  if (vendor) found.push(noSize(b, 0), alone(b, 4, maxOutput), noSize(b, 4), ddWrt(b));
  return found.filter((c): c is LzmaCandidate => c !== undefined);
}
