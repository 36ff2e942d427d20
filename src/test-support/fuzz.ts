// Deterministic mutations of corpus samples for the fuzz test: bit flips, truncation, and length/offset
// fields near headers overwritten with huge values.
import type { FormatPlugin } from '../firmware/types.js';

/** mulberry32: a small seeded PRNG, so every run mutates the same way. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutant {
  readonly name: string;
  readonly bytes: Buffer;
}

const HUGE = [0xffffffff, 0x7fffffff, 0x80000000, 0x00010000];

/** Offsets where some plug-in's signature says a header starts (the fields worth corrupting). */
export function headerOffsets(bytes: Buffer, formats: readonly FormatPlugin[], max = 64): number[] {
  const out = new Set<number>([0]);
  for (const f of formats) {
    for (const s of f.signatures) {
      for (let at = bytes.indexOf(s.magic); at !== -1 && out.size < max; at = bytes.indexOf(s.magic, at + 1)) {
        if (at - s.at >= 0) out.add(at - s.at);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** `count` mutants of `bytes`, chosen by `seed`. */
export function mutants(bytes: Buffer, formats: readonly FormatPlugin[], seed: number, count: number): Mutant[] {
  const rand = prng(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const headers = headerOffsets(bytes, formats);
  const out: Mutant[] = [];
  for (let i = 0; i < count && bytes.length > 0; i++) {
    const copy = Buffer.from(bytes);
    const kind = i % 4;
    if (kind === 0) {
      const flips = 1 + pick(16);
      for (let f = 0; f < flips; f++) copy[pick(copy.length)]! ^= 1 << pick(8);
      out.push({ name: `${flips} bit flips`, bytes: copy });
    } else if (kind === 1) {
      const length = pick(copy.length);
      out.push({ name: `truncated to ${length}`, bytes: copy.subarray(0, length) });
    } else {
      // Overwrite 4-byte windows in the first 512 bytes of a header with a huge value, in either byte order.
      const windows = kind === 2 ? 1 : 4;
      const edits: string[] = [];
      for (let w = 0; w < windows; w++) {
        const base = headers[pick(headers.length)]!;
        const at = Math.min(base + pick(512), Math.max(0, copy.length - 4));
        if (copy.length < 4) break;
        const value = HUGE[pick(HUGE.length)]!;
        if (rand() < 0.5) copy.writeUInt32LE(value, at);
        else copy.writeUInt32BE(value, at);
        edits.push(`0x${value.toString(16)}@${at}`);
      }
      out.push({ name: `fields ${edits.join(',')}`, bytes: copy });
    }
  }
  return out;
}
