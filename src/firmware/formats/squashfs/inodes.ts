import { FormatError } from '../../errors.js';
import type { Mutable } from '../../types.js';
import type { MetaCursor } from './metadata.js';
import type { FileLayout, Inode, InodeKind } from './model.js';

const NO_FRAGMENT = 0xffff_ffff;
const NO_XATTR = 0xffff_ffff;
const MAX_SYMLINK = 65_535;

/** What inode parsing needs from the superblock and the id table. */
export interface InodeContext {
  readonly littleEndian: boolean;
  readonly blockSize: number;
  readonly fragments: number;
  readonly bytesUsed: number;
  /** Most block-list bytes the inode table can hold (bounds hostile file sizes before allocating). */
  readonly maxListBytes: number;
  id(index: number): number;
}

const KINDS: Readonly<Record<number, InodeKind>> = {
  1: 'dir', 2: 'file', 3: 'symlink', 4: 'block', 5: 'char', 6: 'fifo', 7: 'socket',
  8: 'dir', 9: 'file', 10: 'symlink', 11: 'block', 12: 'char', 13: 'fifo', 14: 'socket',
};

/**
 * Reads the 4.0 inode at the cursor (basic and extended forms of every type). Fields are read in place and
 * the inode is built as one object: trees have many thousands of inodes and the walk runs once, cold.
 */
export function readInodeV4(cursor: MetaCursor, ctx: InodeContext): Inode {
  const le = ctx.littleEndian;
  const type = cursor.u16(le);
  const kind = KINDS[type];
  if (!kind) throw new FormatError(`squashfs: unknown inode type ${type}`);
  const mode = cursor.u16(le) & 0o7777;
  const uid = ctx.id(cursor.u16(le));
  const gid = ctx.id(cursor.u16(le));
  const mtime = cursor.u32(le);
  const key = cursor.u32(le);
  const inode: Mutable<Inode> = { kind, mode, uid, gid, mtime, key };
  const extended = type >= 8;
  let xattr = NO_XATTR;
  switch (kind) {
    case 'dir':
      if (extended) {
        cursor.skip(4); // link count
        const size = cursor.u32(le);
        const block = cursor.u32(le);
        cursor.skip(6); // parent inode, index count: the index only speeds up name lookups
        inode.dir = listing(block, cursor.u16(le), size);
        xattr = cursor.u32(le);
      } else {
        const block = cursor.u32(le);
        cursor.skip(4); // link count
        const size = cursor.u16(le);
        inode.dir = listing(block, cursor.u16(le), size);
        cursor.skip(4); // parent inode
      }
      break;
    case 'file':
      if (extended) {
        const start = cursor.u64(le);
        const size = cursor.u64(le);
        cursor.skip(12); // sparse byte count, link count
        const fragment = cursor.u32(le);
        const offset = cursor.u32(le);
        xattr = cursor.u32(le);
        inode.file = fileLayout(cursor, ctx, { start, size, fragment, offset });
      } else {
        const start = cursor.u32(le);
        const fragment = cursor.u32(le);
        const offset = cursor.u32(le);
        inode.file = fileLayout(cursor, ctx, { start, size: cursor.u32(le), fragment, offset });
      }
      break;
    case 'symlink': {
      cursor.skip(4); // link count
      const size = cursor.u32(le);
      if (size > MAX_SYMLINK) throw new FormatError(`squashfs: symlink target of ${size} bytes`);
      inode.target = Buffer.from(cursor.bytes(size));
      if (extended) xattr = cursor.u32(le);
      break;
    }
    case 'block':
    case 'char': {
      cursor.skip(4); // link count
      const rdev = cursor.u32(le);
      inode.device = { major: (rdev >>> 8) & 0xfff, minor: (rdev & 0xff) | ((rdev >>> 12) & 0xfff00) };
      if (extended) xattr = cursor.u32(le);
      break;
    }
    default:
      cursor.skip(4); // link count
      if (extended) xattr = cursor.u32(le);
  }
  if (xattr !== NO_XATTR) inode.xattr = xattr;
  return inode;
}

/** The listing size of a 4.0 directory counts 3 bytes for `.` and `..` that are not stored. */
function listing(block: number, offset: number, fileSize: number) {
  if (fileSize < 3) throw new FormatError(`squashfs: directory size ${fileSize} below 3`);
  if (offset >= 8192) throw new FormatError(`squashfs: directory offset ${offset} past a metadata block`);
  return { ref: { block, offset }, size: fileSize - 3 };
}

/** Reads a block list and checks the file's geometry against the image; shared with 2.x/3.x. */
export function fileLayout(
  cursor: MetaCursor,
  ctx: Pick<InodeContext, 'littleEndian' | 'blockSize' | 'fragments' | 'bytesUsed' | 'maxListBytes'>,
  raw: { start: number; size: number; fragment: number; offset: number },
): FileLayout {
  const hasFragment = raw.fragment !== NO_FRAGMENT && raw.size % ctx.blockSize !== 0;
  const count = hasFragment ? Math.floor(raw.size / ctx.blockSize) : Math.ceil(raw.size / ctx.blockSize);
  if (count * 4 > ctx.maxListBytes) throw new FormatError(`squashfs: file of ${raw.size} bytes needs more blocks than the inode table holds`);
  if (raw.start > ctx.bytesUsed) throw new FormatError(`squashfs: data starts at ${raw.start}, past the image end`);
  if (hasFragment && (raw.fragment >= ctx.fragments || raw.offset >= ctx.blockSize)) {
    throw new FormatError(`squashfs: bad fragment ${raw.fragment} offset ${raw.offset}`);
  }
  const list = cursor.bytes(count * 4);
  const blocks = new Uint32Array(count);
  for (let i = 0; i < count; i++) blocks[i] = ctx.littleEndian ? list.readUInt32LE(i * 4) : list.readUInt32BE(i * 4);
  return { size: raw.size, start: raw.start, blocks, fragment: hasFragment ? { index: raw.fragment, offset: raw.offset } : null };
}
