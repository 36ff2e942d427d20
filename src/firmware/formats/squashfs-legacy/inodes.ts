import { FormatError } from '../../errors.js';
import { fileLayout, type InodeContext } from '../squashfs/inodes.js';
import type { MetaCursor } from '../squashfs/metadata.js';
import type { Inode, InodeKind, MetaRef } from '../squashfs/model.js';
import { BitFields } from './bits.js';

/** 2.x/3.x: a gid index of 255 means "same as the uid". */
const GID_IS_UID = 255;
const MAX_SYMLINK = 65_535;

export interface LegacyInodeContext extends Omit<InodeContext, 'id'> {
  readonly major: 2 | 3;
  /** 2.x stores no time in most inodes; unsquashfs uses the filesystem's creation time. */
  readonly mkfsTime: number;
  uid(index: number): number;
  gid(index: number): number;
}

const KINDS: Readonly<Record<number, InodeKind>> = { 1: 'dir', 2: 'file', 3: 'symlink', 4: 'block', 5: 'char', 6: 'fifo', 7: 'socket', 8: 'dir', 9: 'file' };

/** Bytes of the fixed part of each inode type (the bit-packed structures of squashfs_compat.h). */
const SIZE_V3: Readonly<Record<number, number>> = { 1: 28, 2: 32, 3: 18, 4: 18, 5: 18, 6: 16, 7: 16, 8: 31, 9: 40 };
const SIZE_V2: Readonly<Record<number, number>> = { 1: 15, 2: 24, 3: 6, 4: 6, 5: 6, 6: 4, 7: 4, 8: 18 };

/** Reads a 2.x or 3.x inode at the cursor; `ref` identifies 2.x inodes, which carry no inode number. */
export function readInodeLegacy(cursor: MetaCursor, ctx: LegacyInodeContext, ref: MetaRef): Inode {
  const v3 = ctx.major === 3;
  const base = cursor.bytes(v3 ? 12 : 4);
  const head = new BitFields(base, ctx.littleEndian);
  const type = head.u(0, 4);
  const kind = KINDS[type];
  const size = (v3 ? SIZE_V3 : SIZE_V2)[type];
  if (!kind || size === undefined) throw new FormatError(`squashfs ${ctx.major}.x: unknown inode type ${type}`);
  const f = new BitFields(Buffer.concat([base, cursor.bytes(size - base.length)]), ctx.littleEndian);
  const uid = ctx.uid(head.u(16, 8));
  const gidIndex = head.u(24, 8);
  const common = {
    kind,
    mode: head.u(4, 12),
    uid,
    gid: gidIndex === GID_IS_UID ? uid : ctx.gid(gidIndex),
    mtime: v3 ? head.s(32, 32) : ctx.mkfsTime,
    key: v3 ? head.u(64, 32) : ref.block * 65536 + ref.offset,
  };
  return v3 ? inodeV3(type, f, common, cursor, ctx) : inodeV2(type, f, common, cursor, ctx);
}

type Common = Pick<Inode, 'kind' | 'mode' | 'uid' | 'gid' | 'mtime' | 'key'>;

function dirListing(block: number, offset: number, size: number) {
  if (size < 0) throw new FormatError(`squashfs: directory size ${size} below zero`);
  return { dir: { ref: { block, offset }, size } };
}

function device(rdev: number) {
  return { device: { major: rdev >>> 8, minor: rdev & 0xff } };
}

function symlink(cursor: MetaCursor, size: number) {
  if (size > MAX_SYMLINK) throw new FormatError(`squashfs: symlink target of ${size} bytes`);
  return { target: Buffer.from(cursor.bytes(size)) };
}

function inodeV3(type: number, f: BitFields, common: Common, cursor: MetaCursor, ctx: LegacyInodeContext): Inode {
  switch (type) {
    // 3.x directory sizes count 3 bytes for `.` and `..`, which are not stored.
    case 1: return { ...common, ...dirListing(f.u(160, 32), f.u(147, 13), f.u(128, 19) - 3) };
    case 8: return { ...common, ...dirListing(f.u(168, 32), f.u(155, 13), f.u(128, 27) - 3) };
    case 2: return { ...common, file: fileLayout(cursor, ctx, { start: f.u64(96), fragment: f.u(160, 32), offset: f.u(192, 32), size: f.u(224, 32) }) };
    case 9: return { ...common, file: fileLayout(cursor, ctx, { start: f.u64(128), fragment: f.u(192, 32), offset: f.u(224, 32), size: f.u64(256) }) };
    case 3: return { ...common, ...symlink(cursor, f.u(128, 16)) };
    case 4:
    case 5: return { ...common, ...device(f.u(128, 16)) };
    default: return common;
  }
}

function inodeV2(type: number, f: BitFields, common: Common, cursor: MetaCursor, ctx: LegacyInodeContext): Inode {
  switch (type) {
    case 1: return { ...common, mtime: f.s(64, 32), ...dirListing(f.u(96, 24), f.u(51, 13), f.u(32, 19)) };
    case 8: return { ...common, mtime: f.s(72, 32), ...dirListing(f.u(104, 24), f.u(59, 13), f.u(32, 27)) };
    case 2: return {
      ...common,
      mtime: f.s(32, 32),
      file: fileLayout(cursor, ctx, { start: f.u(64, 32), fragment: f.u(96, 32), offset: f.u(128, 32), size: f.u(160, 32) }),
    };
    case 3: return { ...common, ...symlink(cursor, f.u(32, 16)) };
    case 4:
    case 5: return { ...common, ...device(f.u(32, 16)) };
    default: return common;
  }
}
