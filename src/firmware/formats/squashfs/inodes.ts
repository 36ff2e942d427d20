import { FormatError } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
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

/** Reads the 4.0 inode at the cursor (basic and extended forms of every type). */
export function readInodeV4(cursor: MetaCursor, ctx: InodeContext): Inode {
  const head = new BinaryReader(cursor.bytes(16), ctx.littleEndian, 'squashfs inode');
  const type = head.u16();
  const kind = KINDS[type];
  if (!kind) throw new FormatError(`squashfs: unknown inode type ${type}`);
  const base = { kind, mode: head.u16() & 0o7777, uid: ctx.id(head.u16()), gid: ctx.id(head.u16()), mtime: head.u32(), key: head.u32() };
  const extended = type >= 8;
  const read = (n: number) => new BinaryReader(cursor.bytes(n), ctx.littleEndian, 'squashfs inode');
  switch (kind) {
    case 'dir':
      return { ...base, ...(extended ? extendedDir(read(24)) : basicDir(read(16))) };
    case 'file':
      return { ...base, ...fileInode(cursor, ctx, extended) };
    case 'symlink': {
      const r = read(8);
      r.skip(4);
      const size = r.u32();
      if (size > MAX_SYMLINK) throw new FormatError(`squashfs: symlink target of ${size} bytes`);
      const target = Buffer.from(cursor.bytes(size));
      return { ...base, target, ...xattrOf(extended ? read(4).u32() : NO_XATTR) };
    }
    case 'block':
    case 'char': {
      const r = read(extended ? 12 : 8);
      r.skip(4);
      const rdev = r.u32();
      const device = { major: (rdev >>> 8) & 0xfff, minor: (rdev & 0xff) | ((rdev >>> 12) & 0xfff00) };
      return { ...base, device, ...xattrOf(extended ? r.u32() : NO_XATTR) };
    }
    default: {
      const r = read(extended ? 8 : 4);
      r.skip(4);
      return { ...base, ...xattrOf(extended ? r.u32() : NO_XATTR) };
    }
  }
}

function xattrOf(index: number): { xattr?: number } {
  return index === NO_XATTR ? {} : { xattr: index };
}

/** The listing size of a 4.0 directory counts 3 bytes for `.` and `..` that are not stored. */
function listing(block: number, offset: number, fileSize: number) {
  if (fileSize < 3) throw new FormatError(`squashfs: directory size ${fileSize} below 3`);
  if (offset >= 8192) throw new FormatError(`squashfs: directory offset ${offset} past a metadata block`);
  return { ref: { block, offset }, size: fileSize - 3 };
}

function basicDir(r: BinaryReader) {
  const block = r.u32();
  r.skip(4);
  const size = r.u16();
  const offset = r.u16();
  return { dir: listing(block, offset, size) };
}

function extendedDir(r: BinaryReader) {
  r.skip(4);
  const size = r.u32();
  const block = r.u32();
  r.skip(4);
  r.u16(); // index count: the index only speeds up name lookups; the walk reads listings in full
  const offset = r.u16();
  return { dir: listing(block, offset, size), ...xattrOf(r.u32()) };
}

function fileInode(cursor: MetaCursor, ctx: InodeContext, extended: boolean): { file: FileLayout; xattr?: number } {
  let start: number, size: number, fragment: number, offset: number, xattr = NO_XATTR;
  if (extended) {
    const r = new BinaryReader(cursor.bytes(40), ctx.littleEndian, 'squashfs inode');
    start = r.u64();
    size = r.u64();
    r.skip(12); // sparse byte count, link count
    fragment = r.u32();
    offset = r.u32();
    xattr = r.u32();
  } else {
    const r = new BinaryReader(cursor.bytes(16), ctx.littleEndian, 'squashfs inode');
    start = r.u32();
    fragment = r.u32();
    offset = r.u32();
    size = r.u32();
  }
  const file = fileLayout(cursor, ctx, { start, size, fragment, offset });
  return { file, ...xattrOf(xattr) };
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
