const SLASH = 0x2f;
/** An empty, `.` or `..` segment, or a trailing slash: what normalizePath would change. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

/**
 * Normalises a path from an untrusted archive or filesystem into an absolute path without `.`/`..` segments.
 * `..` that would climb above the root is dropped and reported through `escaped`, so no entry can name a
 * place outside its tree.
 */
export function normalizePath(raw: string): { path: string; escaped: boolean } {
  // Most paths (every one a format plug-in builds with joinPath) are already normal: no need to split them.
  if (raw === '/' || (raw.charCodeAt(0) === SLASH && !NOT_NORMAL.test(raw))) return { path: raw, escaped: false };
  const out: string[] = [];
  let escaped = false;
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) escaped = true;
      else out.pop();
      continue;
    }
    out.push(seg);
  }
  return { path: `/${out.join('/')}`, escaped };
}

export function parentOf(path: string): string {
  if (path === '/') return '/';
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Byte-order comparison of paths (what `LC_ALL=C sort` gives), for deterministic listings. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
