import type { ByteSource, FormatPlugin } from '../types.js';

/** A place where some plug-in's signature says its format may start. */
export interface Candidate {
  readonly offset: number;
  /** Index of the plug-in in the probe order (lower wins at equal offsets). */
  readonly rank: number;
  readonly plugin: FormatPlugin;
}

/** Bytes of magic positions covered per scan window: large enough that Buffer.indexOf does the work. */
export const WINDOW = 4 * 1024 * 1024;

/**
 * Finds every signature whose magic lies at a position in [from, to) of `src` and returns the candidate
 * start offsets (magic position minus the signature's `at`) that are at or after `min`, sorted by offset
 * and then probe order, without duplicates. One native indexOf pass per signature over one buffer read.
 */
export function scanWindow(src: ByteSource, from: number, to: number, min: number, formats: readonly FormatPlugin[]): Candidate[] {
  let longest = 0;
  for (const f of formats) for (const s of f.signatures) longest = Math.max(longest, s.magic.length);
  const end = Math.min(src.size, to + longest - 1);
  if (end <= from) return [];
  const window = src.read(from, end - from);
  const limit = to - from;
  const found: Candidate[] = [];
  formats.forEach((plugin, rank) => {
    for (const sig of plugin.signatures) {
      if (sig.magic.length === 0) continue;
      for (let at = window.indexOf(sig.magic); at !== -1 && at < limit; at = window.indexOf(sig.magic, at + 1)) {
        const offset = from + at - sig.at;
        if (offset >= min) found.push({ offset, rank, plugin });
      }
    }
  });
  found.sort((a, b) => a.offset - b.offset || a.rank - b.rank);
  return found.filter((c, i) => i === 0 || c.offset !== found[i - 1]!.offset || c.rank !== found[i - 1]!.rank);
}
