import type { Vfs } from '../../firmware/types.js';

// Finding programs in a tree the way a shell would: absolute paths as given, bare names on the usual PATH.
// Symlinks to busybox keep the name they were called by (busybox picks the applet from argv[0]).

export const PATH_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

export function findProgram(vfs: Vfs, word: string): string | undefined {
  if (word.startsWith('/')) return vfs.resolve(word) ? word : undefined;
  if (word.includes('/') || word.includes('$')) return undefined;
  for (const dir of PATH_DIRS) {
    const path = `${dir}/${word}`;
    if (vfs.resolve(path)) return path;
  }
  return undefined;
}

/** The name a program runs as: its base name, or for `busybox applet ...` the applet. */
export function programName(argv: readonly string[]): { name: string; args: readonly string[] } {
  const base = (argv[0] ?? '').split('/').pop() ?? '';
  if (base === 'busybox' && argv.length > 1) return { name: argv[1]!, args: argv.slice(1) };
  return { name: base, args: argv };
}

/** True when the file is a shell script (shebang naming a shell, or a text file under an init folder). */
export function isScript(head: string, path: string): boolean {
  if (/^#!\s*\S*\/(sh|ash|bash|hush|dash)\b/.test(head) || /^#!\s*\/bin\/sh\b/.test(head)) return true;
  return /\/(init\.d|rc\.d|rc\d\.d|rcS\.d)\//.test(path) && !head.startsWith('\u007fELF');
}

/** Paths matching a shell glob (`*`, `?`, `[...]` in the last segment only), sorted. */
export function expandGlob(vfs: Vfs, pattern: string): string[] {
  const slash = pattern.lastIndexOf('/');
  if (slash < 0) return [];
  const dir = pattern.slice(0, slash) || '/';
  const last = pattern.slice(slash + 1);
  if (/[*?[]/.test(dir)) return [];
  const re = globToRegExp(last);
  return vfs.children(dir).filter((e) => re.test(e.path.slice(e.path.lastIndexOf('/') + 1))).map((e) => e.path);
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) { out += '\\['; continue; }
      out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/[\\\]]/g, '\\$&')}]`;
      i = end;
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
