import type { ByteSource } from '../types.js';

const CHUNK = 1024 * 1024;
/** Regions up to this size get an exact entropy; larger ones are sampled in evenly spaced 64 KiB blocks. */
const EXACT_LIMIT = 8 * 1024 * 1024;
const SAMPLE = 64 * 1024;
const ZEROS = Buffer.alloc(CHUNK, 0x00);
const ONES = Buffer.alloc(CHUNK, 0xff);

/** Byte statistics of a region nobody recognised. */
export interface RegionStats {
  /** Shannon entropy in bits per byte (rounded to 3 decimals). */
  readonly entropy: number;
  /** Every byte is 0x00, or every byte is 0xff (erased flash): filler, not content. */
  readonly padding: boolean;
}

/** True when [start, end) holds one filler byte only; compared natively a megabyte at a time. */
function isPadding(src: ByteSource, start: number, end: number): boolean {
  const first = src.read(start, 1)[0];
  if (first !== 0x00 && first !== 0xff) return false;
  const fill = first === 0 ? ZEROS : ONES;
  for (let at = start; at < end; at += CHUNK) {
    const n = Math.min(CHUNK, end - at);
    if (!src.read(at, n).equals(fill.subarray(0, n))) return false;
  }
  return true;
}

function count(bytes: Buffer, counts: Uint32Array): void {
  for (let i = 0; i < bytes.length; i++) counts[bytes[i]!]!++;
}

/**
 * Entropy and padding of [start, end), read a megabyte at a time so large regions are never held at once.
 * Regions above 8 MiB are sampled (128 blocks of 64 KiB spread over the region): enough to tell encrypted
 * or compressed data (near 8 bits/byte) from code, text and tables.
 */
export function regionStats(src: ByteSource, start: number, end: number): RegionStats {
  const length = end - start;
  if (isPadding(src, start, end)) return { entropy: 0, padding: true };
  const counts = new Uint32Array(256);
  let n = 0;
  if (length <= EXACT_LIMIT) {
    for (let at = start; at < end; at += CHUNK) count(src.read(at, Math.min(CHUNK, end - at)), counts);
    n = length;
  } else {
    const blocks = EXACT_LIMIT / SAMPLE;
    const stride = Math.floor((length - SAMPLE) / (blocks - 1));
    for (let i = 0; i < blocks; i++) {
      count(src.read(start + i * stride, SAMPLE), counts);
      n += SAMPLE;
    }
  }
  let h = 0;
  for (const c of counts) {
    if (c === 0) continue;
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return { entropy: Math.round(h * 1000) / 1000, padding: false };
}
