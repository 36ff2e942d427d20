import { stringsAround } from '../tree/index.js';
import { NEIGHBOUR_RULES, STRING_RULES } from './signatures.js';

/** A product version found in a binary's strings. */
export interface BinaryHit {
  readonly product: string;
  readonly version: string;
  /** The printable string the version was read from. */
  readonly evidence: string;
  readonly offset: number;
  /** Build information next to the version (a date, or a distribution's package version). */
  readonly build?: string;
}

const isPrintable = (c: number) => (c >= 0x20 && c < 0x7f) || c === 9;
/** How far from an anchor, in strings and in bytes, a bare version may sit. */
const NEIGHBOURS = 3;
const NEIGHBOUR_BYTES = 512;

const NEEDLES = [...new Set(STRING_RULES.map((r) => r.needle))].map((n) => ({ text: n, bytes: Buffer.from(n, 'latin1') }));

/** Printable runs of at least 2 characters next to [start, end), walking `dir` (-1 before, +1 after). */
function neighbours(buf: Buffer, start: number, end: number, dir: -1 | 1): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  let at = dir < 0 ? start - 1 : end;
  const limit = dir < 0 ? Math.max(0, start - NEIGHBOUR_BYTES) : Math.min(buf.length, end + NEIGHBOUR_BYTES);
  while (out.length < NEIGHBOURS && (dir < 0 ? at >= limit : at < limit)) {
    while ((dir < 0 ? at >= limit : at < limit) && !isPrintable(buf[at]!)) at += dir;
    let s = at;
    while ((dir < 0 ? s >= limit : s < limit) && isPrintable(buf[s]!)) s += dir;
    const [a, b] = dir < 0 ? [s + 1, at + 1] : [at, s];
    if (b - a >= 2) out.push({ offset: a, text: buf.toString('latin1', a, b) });
    at = s;
  }
  return out;
}

function byNeighbour(buf: Buffer): BinaryHit[] {
  const out: BinaryHit[] = [];
  for (const rule of NEIGHBOUR_RULES) {
    const anchor = Buffer.from(rule.anchor, 'latin1');
    for (let at = buf.indexOf(anchor), n = 0; at >= 0 && n < 20; at = buf.indexOf(anchor, at + 1), n++) {
      if (at > 0 && isPrintable(buf[at - 1]!)) continue;
      let end = at + anchor.length;
      while (end < buf.length && isPrintable(buf[end]!)) end++;
      const near = [...neighbours(buf, at, end, -1), ...neighbours(buf, at, end, 1)];
      const hit = near.find((s) => rule.version.test(s.text));
      if (hit) out.push({ product: rule.product, version: hit.text, evidence: `${hit.text} (beside "${buf.toString('latin1', at, end)}")`, offset: hit.offset });
    }
  }
  return out;
}

/**
 * Products and versions named by a binary's printable strings (ELF or not: the strings of real builds work the
 * same). One hit per product and version, at its first offset.
 */
export function identifyBinary(buf: Buffer): BinaryHit[] {
  const hits: BinaryHit[] = [];
  for (const needle of NEEDLES) {
    if (buf.indexOf(needle.bytes) < 0) continue;
    const rules = STRING_RULES.filter((r) => r.needle === needle.text);
    for (const s of stringsAround(buf, [needle.bytes], 4, 64)) {
      for (const rule of rules) {
        const g = rule.pattern.exec(s.text)?.groups;
        if (!g?.v) continue;
        hits.push({ product: rule.product, version: g.v, evidence: s.text.slice(0, 160), offset: s.offset, ...(g.b ? { build: g.b } : {}) });
      }
    }
  }
  hits.push(...byNeighbour(buf));
  const seen = new Map<string, BinaryHit>();
  for (const h of hits.sort((a, b) => a.offset - b.offset)) {
    const key = `${h.product}@${h.version}`;
    const prev = seen.get(key);
    if (!prev) seen.set(key, h);
    else if (!prev.build && h.build) seen.set(key, { ...prev, build: h.build });
  }
  // OpenSSH prints its version twice, with and without the portable suffix (OpenSSH_8.0 and OpenSSH_8.0p1):
  // a version that another one of the same product only extends with letters is the same release.
  const all = [...seen.values()];
  return all.filter((h) => !all.some((o) => o !== h && o.product === h.product && o.version.startsWith(h.version) && /^[a-z]/.test(o.version.slice(h.version.length))));
}

/**
 * A distribution build named in the binary: the build information of a version banner (`Ubuntu
 * 1:1.18.5-1ubuntu4`, `Debian-2+deb12u2`, `Debian GLIBC 2.36-9+deb12u4`), or the separate-debug-info link
 * of an RPM build (`busybox-1.28.2-1.fc29.x86_64.debug`).
 */
export function distributionBuild(buf: Buffer, hits: readonly BinaryHit[]): string | undefined {
  for (const h of hits) {
    if (h.build && /\b(debian|ubuntu|raspbian|deb\d+u\d+|ubuntu\d|fedora|\.el\d|\.fc\d)/i.test(h.build)) return h.build;
    if (h.product === 'linux' && h.build && /(deb|ubuntu|\.el\d|\.fc\d|-generic|-amd64|-arm64|-armmp)/.test(h.build)) return `kernel ${h.version}${h.build}`;
  }
  for (const s of stringsAround(buf, [Buffer.from('.debug', 'latin1')], 8, 16)) {
    const m = /^([\w+.-]+)-(\d[\w.+~]*)-(\w[\w.]*\.(?:fc|el|amzn|mga)\d+\w*)\.\w+\.debug$/.exec(s.text);
    if (m) return `${m[1]}-${m[2]}-${m[3]} (RPM build)`;
  }
  return undefined;
}
