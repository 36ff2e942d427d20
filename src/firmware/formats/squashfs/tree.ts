import { IotcopError } from '../../../model/errors.js';
import { FormatError } from '../../errors.js';
import type { Mutable, UnpackContext } from '../../types.js';
import { MemoryVfs, joinPath, type EntryInit } from '../../vfs/index.js';
import { decodeName } from '../text.js';
import type { Inode, MetaRef, SquashfsReader } from './model.js';

/** Directory nesting beyond this is skipped with a warning (no real firmware comes close). */
const MAX_DEPTH = 256;
function refKey(ref: MetaRef): number {
  return ref.block * 65536 + ref.offset;
}

function badName(name: string): boolean {
  return name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0');
}

/**
 * Walks the directory tree from the root inode and records every entry in a MemoryVfs. Hard links come out
 * as regular files sharing one inode, as `unsquashfs -ll` lists them. A directory inode reached twice
 * (a loop or a hard-linked directory) is listed but not entered again, so hostile images terminate.
 */
export function buildTree(reader: SquashfsReader, ctx: UnpackContext): MemoryVfs {
  const vfs = new MemoryVfs(ctx.layer);
  const root = reader.readInode(reader.rootRef);
  if (root.kind !== 'dir') throw new FormatError(`squashfs: root inode is a ${root.kind}`);
  const charged = new Set<number>();
  const entered = new Set<number>([refKey(reader.rootRef)]);
  const stack: { path: string; inode: Inode; depth: number }[] = [{ path: '/', inode: root, depth: 0 }];
  addEntry(vfs, reader, '/', root);
  let count = 1;
  while (stack.length > 0) {
    if (ctx.signal.aborted) throw new IotcopError('ERR_UNPACK_LIMIT', 'squashfs: unpacking was stopped (time limit)');
    const dir = stack.pop()!;
    for (const entry of reader.readDir(dir.inode)) {
      const { name } = entry;
      const path = joinPath(dir.path, name);
      if (badName(name)) {
        ctx.warn(`squashfs: skipped a directory entry with an invalid name in ${dir.path}`);
        continue;
      }
      if (++count > ctx.limits.maxEntries) throw new IotcopError('ERR_UNPACK_LIMIT', `squashfs: more than ${ctx.limits.maxEntries} entries`);
      const inode = reader.readInode(entry.inode);
      if (inode.file && !charged.has(inode.key)) {
        charged.add(inode.key);
        ctx.charge(inode.file.size);
      }
      addEntry(vfs, reader, path, inode);
      if (inode.kind !== 'dir') continue;
      const key = refKey(entry.inode);
      if (entered.has(key)) {
        ctx.warn(`squashfs: directory ${path} is reached twice (loop or hard-linked directory); not entered again`);
      } else if (dir.depth + 1 > MAX_DEPTH) {
        ctx.warn(`squashfs: ${path} is nested deeper than ${MAX_DEPTH} levels; not entered`);
      } else {
        entered.add(key);
        stack.push({ path, inode, depth: dir.depth + 1 });
      }
    }
  }
  return vfs;
}

/** One entry per inode met, built in place (no spreads): trees have many thousands of entries. */
function addEntry(vfs: MemoryVfs, reader: SquashfsReader, path: string, inode: Inode): void {
  const init: Mutable<EntryInit> = { path, type: inode.kind, mode: inode.mode, uid: inode.uid, gid: inode.gid, mtime: inode.mtime, size: 0 };
  if (inode.file) {
    init.size = inode.file.size;
    init.content = () => reader.readFile(inode);
    init.writeTo = (fd) => reader.writeFile(inode, fd);
  } else if (inode.target) {
    init.size = inode.target.length;
    init.target = decodeName(inode.target);
  } else if (inode.device) init.device = inode.device;
  const xattrs = inode.xattr === undefined ? undefined : reader.xattrs(inode.xattr);
  if (xattrs && Object.keys(xattrs).length > 0) init.xattrs = xattrs;
  vfs.add(init);
}
