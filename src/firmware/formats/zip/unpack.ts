import { promised } from '../promised.js';
import { checkAborted, checkEntries } from '../../limits.js';
import type { ByteSource, EntryType, UnpackContext, Unpacked } from '../../types.js';
import { MemoryVfs, type EntryInit } from '../../vfs/index.js';
import type { CentralEntry } from './central.js';
import { readCentral } from './central.js';
import { methodName, readable, readEntry } from './content.js';
import { findDirectory } from './eocd.js';

/** Longest symlink target read (PATH_MAX with headroom). */
const MAX_LINK = 64 * 1024;
const UNIX_HOSTS = new Set([3, 19]); // Unix, OS X (APPNOTE 4.4.2)

const UNIX_TYPES = new Set([0o100000, 0o040000, 0o120000]);

/**
 * Type and permission bits: a unix mode in the high half of the external attributes when a unix host wrote
 * the entry, or when any host left a well-formed one there (some Windows tools do, as python reads it);
 * otherwise MS-DOS attributes (directory bit, read-only bit).
 */
function typeAndMode(e: CentralEntry): { type: EntryType; mode: number } {
  const unix = e.external >>> 16;
  if ((UNIX_HOSTS.has(e.madeBy >> 8) && unix !== 0) || UNIX_TYPES.has(unix & 0o170000)) {
    const fmt = unix & 0o170000;
    const type: EntryType = fmt === 0o120000 ? 'symlink' : fmt === 0o040000 || e.name.endsWith('/') ? 'dir' : 'file';
    return { type, mode: unix & 0o7777 };
  }
  if (e.name.endsWith('/') || e.external & 0x10) return { type: 'dir', mode: 0o755 };
  return { type: 'file', mode: e.external & 0x01 ? 0o444 : 0o644 };
}

function toInit(src: ByteSource, e: CentralEntry, ctx: UnpackContext): EntryInit {
  const { type, mode } = typeAndMode(e);
  const base = { path: e.name, mode, uid: e.uid ?? 0, gid: e.gid ?? 0, mtime: e.mtime };
  if (type === 'dir') return { ...base, type, size: 0 };
  if (type === 'symlink' && e.usize <= MAX_LINK && readable(e)) {
    try {
      const target = readEntry(src, e).toString('utf8');
      return { ...base, type, size: Buffer.byteLength(target), target };
    } catch (error) {
      ctx.warn(`symlink ${e.name} kept as a file: ${(error as Error).message}`);
    }
  }
  return { ...base, type: 'file', size: e.usize, content: () => readEntry(src, e) };
}

/** Lists the archive from its central directory (sizes, modes, names); local headers only locate the data. */
export function unpackZip(src: ByteSource, ctx: UnpackContext): Promise<Unpacked> {
  return promised(() => walkZip(src, ctx));
}

function walkZip(src: ByteSource, ctx: UnpackContext): Unpacked {
  const dir = findDirectory(src);
  checkEntries(ctx, dir.entries);
  const central = readCentral(src, dir);
  const vfs = new MemoryVfs(ctx.layer);
  let escaped = 0;
  const unreadable = new Map<string, number>();
  for (const [i, e] of central.entries()) {
    if ((i & 0xff) === 0) checkAborted(ctx);
    if (!readable(e) && !e.name.endsWith('/')) {
      const why = e.flags & 1 ? 'encrypted' : `${methodName(e.method)} (unsupported)`;
      unreadable.set(why, (unreadable.get(why) ?? 0) + 1);
    }
    if (!vfs.add(toInit(src, e, ctx))) escaped++;
  }
  for (const [why, n] of [...unreadable].sort()) ctx.warn(`${n} entries cannot be read: ${why}`);
  if (escaped > 0) ctx.warn(`${escaped} entries named paths above the archive root; they were kept inside it`);
  return { kind: 'tree', vfs, length: dir.length };
}
