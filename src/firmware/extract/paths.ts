import { Buffer } from 'node:buffer';

/** Longest name of one path component on Linux filesystems, in bytes. */
const NAME_MAX = 255;
/** A UTF-16 code unit takes at most 3 bytes of UTF-8: shorter components cannot pass NAME_MAX. */
const SURELY_SHORT = Math.floor(NAME_MAX / 3);
/** An empty, `.` or `..` component, a trailing slash or a NUL byte. */
const UNSAFE = /\/\/|\/\.\.?(?:\/|$)|\/$|\0/;

/**
 * The components of an entry path if it is safe to create under the output directory: absolute,
 * normalised (no empty, `.` or `..` components), no NUL bytes and no component longer than NAME_MAX.
 * Returns undefined otherwise; a Vfs from a third-party plug-in is not trusted to have normalised it.
 */
export function safeComponents(path: string): string[] | undefined {
  if (!path.startsWith('/') || path.includes('\0')) return undefined;
  if (path === '/') return [];
  const parts = path.slice(1).split('/');
  for (const p of parts) {
    if (p === '' || p === '.' || p === '..' || Buffer.byteLength(p) > NAME_MAX) return undefined;
  }
  return parts;
}

/**
 * What safeComponents() checks, without splitting: the path relative to the tree's root ('' for the root)
 * when it is safe to create under the output directory, undefined otherwise. The writer's hot path.
 */
export function safeRel(path: string): string | undefined {
  if (path === '/') return '';
  if (path.charCodeAt(0) !== 0x2f || UNSAFE.test(path)) return undefined;
  for (let start = 1; start < path.length;) {
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    if (end - start > SURELY_SHORT && Buffer.byteLength(path.slice(start, end)) > NAME_MAX) return undefined;
    start = end + 1;
  }
  return path.slice(1);
}

/** Joins relative output paths ('' is the output directory itself). */
export function joinRel(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return `${a}/${b}`;
}

export function parentRel(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i === -1 ? '' : rel.slice(0, i);
}

/** Every proper ancestor of a relative path, outermost first ('' excluded). */
export function ancestors(rel: string): string[] {
  const out: string[] = [];
  for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) out.push(rel.slice(0, i));
  return out;
}
