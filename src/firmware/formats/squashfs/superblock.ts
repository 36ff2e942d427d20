import { FormatError } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

export const SUPERBLOCK_SIZE = 96;
/** `hsqs` as stored by little-endian images; `sqsh` is the big-endian (and legacy big-endian) spelling. */
export const MAGIC_LE = Buffer.from('hsqs', 'latin1');
export const MAGIC_BE = Buffer.from('sqsh', 'latin1');
/** Absent-table marker of 4.0 (all ones). */
export const NO_TABLE = Number.MAX_SAFE_INTEGER;

export const FLAGS = {
  noInodeCompression: 0x0001,
  noDataCompression: 0x0002,
  noFragmentCompression: 0x0008,
  noFragments: 0x0010,
  alwaysFragments: 0x0020,
  duplicates: 0x0040,
  exportable: 0x0080,
  noXattrCompression: 0x0100,
  noXattrs: 0x0200,
  compressorOptions: 0x0400,
  noIdCompression: 0x0800,
} as const;

/** Superblock of a squashfs 4.0 image (byte order from the magic). */
export interface SuperblockV4 {
  readonly littleEndian: boolean;
  readonly inodes: number;
  readonly mkfsTime: number;
  readonly blockSize: number;
  readonly blockLog: number;
  readonly fragments: number;
  readonly compression: number;
  readonly flags: number;
  readonly ids: number;
  readonly minor: number;
  readonly rootInode: { readonly block: number; readonly offset: number };
  readonly bytesUsed: number;
  readonly idTable: number;
  readonly xattrTable: number;
  readonly inodeTable: number;
  readonly directoryTable: number;
  readonly fragmentTable: number;
  readonly lookupTable: number;
}

/** Byte order from the magic, or null when the first four bytes are not a squashfs magic. */
export function magicOrder(head: Buffer): boolean | null {
  if (head.subarray(0, 4).equals(MAGIC_LE)) return true;
  if (head.subarray(0, 4).equals(MAGIC_BE)) return false;
  return null;
}

/** A 64-bit table start; all-ones means "no table". */
function tableStart(r: BinaryReader): number {
  const at = r.pos;
  const hi = r.littleEndian ? r.buf.readUInt32LE(at + 4) : r.buf.readUInt32BE(at);
  const lo = r.littleEndian ? r.buf.readUInt32LE(at) : r.buf.readUInt32BE(at + 4);
  r.skip(8);
  if (hi === 0xffff_ffff && lo === 0xffff_ffff) return NO_TABLE;
  if (hi > 0x1f_ffff) throw new FormatError(`squashfs: table offset 0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')} too large`);
  return hi * 2 ** 32 + lo;
}

/** Parses and sanity-checks the 4.0 superblock; throws FormatError when it is not one. */
export function parseSuperblockV4(src: ByteSource): SuperblockV4 {
  if (src.size < SUPERBLOCK_SIZE) throw new FormatError('squashfs: image shorter than a superblock');
  const head = src.read(0, SUPERBLOCK_SIZE);
  const littleEndian = magicOrder(head);
  if (littleEndian === null) throw new FormatError('squashfs: no squashfs magic');
  const r = new BinaryReader(Buffer.from(head), littleEndian, 'squashfs superblock');
  r.skip(4);
  const inodes = r.u32();
  const mkfsTime = r.u32();
  const blockSize = r.u32();
  const fragments = r.u32();
  const compression = r.u16();
  const blockLog = r.u16();
  const flags = r.u16();
  const ids = r.u16();
  const major = r.u16();
  const minor = r.u16();
  if (major !== 4) throw new FormatError(`squashfs: version ${major}.${minor} is not 4.x`);
  const root = tableStart(r);
  const sb: SuperblockV4 = {
    littleEndian, inodes, mkfsTime, blockSize, blockLog, fragments, compression, flags, ids, minor,
    rootInode: { block: Math.floor(root / 65536), offset: root % 65536 },
    bytesUsed: tableStart(r),
    idTable: tableStart(r),
    xattrTable: tableStart(r),
    inodeTable: tableStart(r),
    directoryTable: tableStart(r),
    fragmentTable: tableStart(r),
    lookupTable: tableStart(r),
  };
  checkSuperblock(sb, src.size);
  return sb;
}

function checkSuperblock(sb: SuperblockV4, size: number): void {
  if (sb.blockSize < 4096 || sb.blockSize > 1 << 20 || 1 << sb.blockLog !== sb.blockSize) {
    throw new FormatError(`squashfs: bad block size ${sb.blockSize} (log ${sb.blockLog})`);
  }
  if (sb.bytesUsed === NO_TABLE || sb.bytesUsed > size) throw new FormatError(`squashfs: ${sb.bytesUsed} bytes used but the image has ${size}`);
  if (sb.inodeTable >= sb.directoryTable || sb.directoryTable >= sb.bytesUsed) throw new FormatError('squashfs: inode/directory tables out of order');
  if (sb.idTable >= sb.bytesUsed || sb.ids === 0) throw new FormatError('squashfs: bad id table');
  if (sb.fragments > sb.inodes) throw new FormatError(`squashfs: ${sb.fragments} fragments for ${sb.inodes} inodes`);
}
