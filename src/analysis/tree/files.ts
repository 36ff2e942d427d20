import type { FirmwareEvidence, FsEntry, Vfs } from '../../firmware/types.js';
import { readEntry } from './cache.js';

// Reading an unpacked tree for the checks: bounded reads, text detection, line numbers, printable strings of
// binaries, and which filesystems of an image to look at.

/** Largest file a check reads whole; bigger files are skipped (and said so where it matters). */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;
export const MAX_BINARY_BYTES = 32 * 1024 * 1024;

/** One filesystem of one image: what every finding's location is relative to. */
export interface Target {
  readonly image: string;
  readonly vfs: Vfs;
  /** True when the image has more than one filesystem (the layer is then named in findings). */
  readonly several: boolean;
}

// A deep unpack makes a tree of every compressed file, named after where the file sits
// (`0x0-squashfs/usr/share/man/man8/mount.8.gz@0x0-gzip`). Compressed manuals, changelogs and translations
// describe other systems (URLs, example passwords, addresses) and never configure the device: not a target.
const DOCUMENTATION_LAYER = /\/usr\/share\/(doc|man|info|locale|i18n|common-licenses|gtk-doc|help)\/[^@]*@/;

/** The filesystems of each image the checks examine: every one, except deep-unpacked documentation. */
export function targetsOf(evidence: readonly FirmwareEvidence[] | undefined): Target[] {
  const out: Target[] = [];
  for (const fw of evidence ?? []) {
    for (const vfs of fw.filesystems) {
      if (!DOCUMENTATION_LAYER.test(vfs.layer)) out.push({ image: fw.image, vfs, several: fw.filesystems.length > 1 });
    }
  }
  return out;
}

/** Reads a regular file (after links) up to `max` bytes; undefined when absent, not a file or too big. */
export async function readSmall(vfs: Vfs, path: string, max = MAX_TEXT_BYTES): Promise<Buffer | undefined> {
  const entry = vfs.resolve(path);
  if (!entry || entry.type !== 'file' || entry.size > max) return undefined;
  return readEntry(vfs, entry, max);
}

/** True when the bytes look like text: no NUL and mostly printable in the first 8 KiB. */
export function looksText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i]!;
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32) || c === 127) odd++;
  }
  return odd * 50 < n + 1;
}

/** Text of a small text file, or undefined. */
export async function readText(vfs: Vfs, path: string, max = MAX_TEXT_BYTES): Promise<string | undefined> {
  const buf = await readSmall(vfs, path, max);
  return buf && looksText(buf) ? buf.toString('utf8') : undefined;
}

export function isElf(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x7f && buf[1] === 0x45 && buf[2] === 0x4c && buf[3] === 0x46;
}

/** 1-based line number of `offset` in `text`. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Lines with their 1-based numbers, comments (from `#`) kept. */
export function numberedLines(text: string): { line: number; text: string }[] {
  return text.split('\n').map((t, i) => ({ line: i + 1, text: t.replace(/\r$/, '') }));
}

/** Printable ASCII runs of at least `min` characters in a binary, with their offsets. */
export function* printableStrings(buf: Buffer, min = 6): Generator<{ offset: number; text: string }> {
  let start = -1;
  for (let i = 0; i <= buf.length; i++) {
    const c = i < buf.length ? buf[i]! : 0;
    const printable = (c >= 0x20 && c < 0x7f) || c === 9;
    if (printable) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= min) yield { offset: start, text: buf.toString('latin1', start, i) };
      start = -1;
    }
  }
}

/**
 * The printable strings (at least `min` characters) that contain an occurrence of any needle, found with
 * native searches: far cheaper than walking every byte of a large binary when hits are rare.
 */
export function stringsAround(buf: Buffer, needles: readonly Buffer[], min = 6, maxHits = 200): { offset: number; text: string }[] {
  const out = new Map<number, string>();
  const printable = (c: number) => (c >= 0x20 && c < 0x7f) || c === 9;
  for (const needle of needles) {
    let hits = 0;
    for (let at = buf.indexOf(needle); at >= 0 && hits < maxHits; at = buf.indexOf(needle, at + needle.length)) {
      hits++;
      let start = at;
      while (start > 0 && at - start < 4096 && printable(buf[start - 1]!)) start--;
      let end = at + needle.length;
      while (end < buf.length && end - at < 4096 && printable(buf[end]!)) end++;
      if (end - start >= min && !out.has(start)) out.set(start, buf.toString('latin1', start, end));
      at = Math.max(at, end - needle.length);
    }
  }
  return [...out].sort((a, b) => a[0] - b[0]).map(([offset, text]) => ({ offset, text }));
}

/** Regular files of the tree, optionally under a folder. */
export function regularFiles(vfs: Vfs, under = '/'): FsEntry[] {
  const prefix = under.endsWith('/') ? under : `${under}/`;
  return vfs.entries().filter((e) => e.type === 'file' && (under === '/' || e.path.startsWith(prefix)));
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Location fields for a finding at `path` in a target. */
export function where(t: Target, path: string, at: { line?: number; offset?: number } = {}): { image: string; path: string; line?: number; offset?: number } {
  return { image: t.image, path: t.several ? `${t.vfs.layer}:${path}` : path, ...at };
}
