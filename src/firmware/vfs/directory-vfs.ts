import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { FormatError } from '../errors.js';
import { limitError } from '../limits.js';
import type { EntryType } from '../types.js';
import { MemoryVfs, type EntryInit } from './memory-vfs.js';

/** glibc's major()/minor() for a Linux dev_t (12+20-bit major, 20+12-bit minor split across the word). */
function splitRdev(rdev: number): { major: number; minor: number } {
  const hi = Math.floor(rdev / 2 ** 32);
  const lo = rdev >>> 0;
  return { major: ((lo >>> 8) & 0xfff) | (hi & ~0xfff), minor: (lo & 0xff) | ((lo >>> 12) & ~0xff) };
}

function typeOf(st: Stats): EntryType | undefined {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return undefined;
}

/** Reads a regular file without following a symlink that replaced it since the walk. */
function readRegular(abs: string): Buffer {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FormatError(`${abs} is no longer a regular file`);
    const out = Buffer.allocUnsafe(st.size);
    let done = 0;
    while (done < out.length) {
      const n = readSync(fd, out, done, out.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return done === out.length ? out : out.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/**
 * A tree over a directory that was already extracted (`iotcop assess ./rootfs/`). The walk uses lstat and
 * never descends through symlinks, so nothing outside the directory is listed or read; symlinks are kept
 * as links with their stored targets and resolved inside the tree like those of any other filesystem.
 * Files sharing an inode are listed once as a file and then as hard links to it.
 */
export class DirectoryVfs extends MemoryVfs {
  /** Entries that could not be listed (permissions), as messages. */
  readonly warnings: string[] = [];

  constructor(readonly root: string, layer: string, maxEntries = Number.MAX_SAFE_INTEGER) {
    super(layer);
    const inodes = new Map<string, string>();
    const pending: string[] = ['/'];
    while (pending.length > 0) {
      const rel = pending.pop()!;
      const abs = rel === '/' ? root : join(root, rel);
      const st = rel === '/' ? statSync(root) : lstatSync(abs);
      const type = rel === '/' ? 'dir' : typeOf(st);
      if (!type) continue;
      this.add(this.describe(rel, abs, st, type, inodes));
      if (this.size > maxEntries) throw limitError(`${root}: more than ${maxEntries} entries`);
      if (type !== 'dir') continue;
      let names: string[];
      try {
        names = readdirSync(abs).sort().reverse();
      } catch (error) {
        this.warnings.push(`${rel}: cannot list (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        continue;
      }
      for (const name of names) pending.push(rel === '/' ? `/${name}` : `${rel}/${name}`);
    }
  }

  private describe(rel: string, abs: string, st: Stats, type: EntryType, inodes: Map<string, string>): EntryInit {
    const base = { path: rel, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtimeMs / 1000) };
    switch (type) {
      case 'file': {
        if (st.nlink > 1) {
          const key = `${st.dev}:${st.ino}`;
          const first = inodes.get(key);
          if (first !== undefined) return { ...base, type: 'hardlink', size: 0, target: first };
          inodes.set(key, rel);
        }
        return { ...base, type, size: st.size, content: () => readRegular(abs) };
      }
      case 'symlink': {
        const target = readlinkSync(abs);
        return { ...base, type, size: Buffer.byteLength(target), target };
      }
      case 'char':
      case 'block':
        return { ...base, type, size: 0, device: splitRdev(st.rdev) };
      default:
        return { ...base, type, size: 0 };
    }
  }
}
