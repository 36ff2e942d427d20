import type { ByteSource } from '../types.js';

const CHUNK = 1024 * 1024;

/** Byte statistics of a region nobody recognised. */
export interface RegionStats {
  /** Shannon entropy in bits per byte. */
  readonly entropy: number;
  /** Every byte is 0x00, or every byte is 0xff (erased flash): filler, not content. */
  readonly padding: boolean;
}

/** Histogram of [start, end) read in 1 MiB chunks, so a multi-megabyte region is never held at once. */
export function regionStats(src: ByteSource, start: number, end: number): RegionStats {
  const counts = new Float64Array(256);
  for (let at = start; at < end; at += CHUNK) {
    const bytes = src.read(at, Math.min(CHUNK, end - at));
    for (let i = 0; i < bytes.length; i++) counts[bytes[i]!]! += 1;
  }
  const n = end - start;
  let h = 0;
  let distinct = 0;
  for (const c of counts) {
    if (c === 0) continue;
    distinct++;
    const p = c / n;
    h -= p * Math.log2(p);
  }
  const padding = n > 0 && distinct === 1 && (counts[0] === n || counts[0xff] === n);
  return { entropy: Math.round(h * 1000) / 1000, padding };
}
