import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';

/**
 * Magics of 2.x/3.x images: the standard spellings, and `shsq`/`qshs` that some vendor LZMA builds use
 * (the standard magic byte-swapped pairwise). The byte order of the image follows from the magic.
 */
export const MAGICS: readonly { readonly magic: Buffer; readonly littleEndian: boolean }[] = [
  { magic: Buffer.from('hsqs', 'latin1'), littleEndian: true },
  { magic: Buffer.from('sqsh', 'latin1'), littleEndian: false },
  { magic: Buffer.from('shsq', 'latin1'), littleEndian: true },
  { magic: Buffer.from('qshs', 'latin1'), littleEndian: false },
];

/** The 2.x superblock is 63 bytes; 3.x appends 64-bit table offsets up to byte 119. */
const SIZE_V2 = 63;
const SIZE_V3 = 119;
/** Minor version `L` marks vendor LZMA images (otherwise zlib); blocks are told apart by their bytes anyway. */
const MINOR_LZMA = 0x4c;

export const LEGACY_FLAGS = { check: 0x04, noFragments: 0x10 } as const;

export interface SuperblockLegacy {
  readonly littleEndian: boolean;
  readonly major: 2 | 3;
  readonly minor: number;
  readonly lzmaHint: boolean;
  readonly inodes: number;
  readonly bytesUsed: number;
  readonly uidStart: number;
  readonly guidStart: number;
  readonly inodeTable: number;
  readonly directoryTable: number;
  readonly fragmentTable: number;
  readonly blockSize: number;
  readonly blockLog: number;
  readonly flags: number;
  readonly uids: number;
  readonly guids: number;
  readonly mkfsTime: number;
  readonly rootInode: { readonly block: number; readonly offset: number };
  readonly fragments: number;
}

/** Parses a 2.x or 3.x superblock (every field is byte-aligned, so only the byte order differs). */
export function parseSuperblockLegacy(src: ByteSource): SuperblockLegacy {
  if (src.size < SIZE_V2) throw new FormatError('squashfs: image shorter than a superblock');
  const head = src.read(0, Math.min(src.size, SIZE_V3));
  const kind = MAGICS.find((m) => head.subarray(0, 4).equals(m.magic));
  if (!kind) throw new FormatError('squashfs: no squashfs magic');
  const le = kind.littleEndian;
  const u16 = (at: number) => (le ? head.readUInt16LE(at) : head.readUInt16BE(at));
  const u32 = (at: number) => (le ? head.readUInt32LE(at) : head.readUInt32BE(at));
  const u64 = (at: number) => {
    const v = le ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError(`squashfs: superblock offset ${v} too large`);
    return Number(v);
  };
  const major = u16(28);
  if (major !== 2 && major !== 3) throw new FormatError(`squashfs: version ${major} is not 2.x or 3.x`);
  if (major === 3 && head.length < SIZE_V3) throw new FormatError('squashfs: image shorter than a 3.x superblock');
  const root = u64(43);
  const sb: SuperblockLegacy = {
    littleEndian: le,
    major,
    minor: u16(30),
    lzmaHint: u16(30) === MINOR_LZMA,
    inodes: u32(4),
    bytesUsed: major === 3 ? u64(63) : u32(8),
    uidStart: major === 3 ? u64(71) : u32(12),
    guidStart: major === 3 ? u64(79) : u32(16),
    inodeTable: major === 3 ? u64(87) : u32(20),
    directoryTable: major === 3 ? u64(95) : u32(24),
    fragmentTable: major === 3 ? u64(103) : u32(59),
    blockLog: u16(34),
    flags: head[36]!,
    uids: head[37]!,
    guids: head[38]!,
    mkfsTime: u32(39),
    rootInode: { block: Math.floor(root / 65536), offset: root % 65536 },
    blockSize: u32(51),
    fragments: u32(55),
  };
  checkSuperblock(sb, src.size);
  return sb;
}

function checkSuperblock(sb: SuperblockLegacy, size: number): void {
  if (sb.blockSize < 4096 || sb.blockSize > 1 << 20 || 1 << sb.blockLog !== sb.blockSize) {
    throw new FormatError(`squashfs: bad block size ${sb.blockSize} (log ${sb.blockLog})`);
  }
  if (sb.bytesUsed > size || sb.bytesUsed === 0) throw new FormatError(`squashfs: ${sb.bytesUsed} bytes used but the image has ${size}`);
  if (sb.inodeTable >= sb.directoryTable || sb.directoryTable >= sb.bytesUsed) throw new FormatError('squashfs: inode/directory tables out of order');
  if (sb.uids === 0 || sb.uidStart + sb.uids * 4 > sb.bytesUsed) throw new FormatError('squashfs: bad uid table');
  if (sb.guids > 0 && sb.guidStart + sb.guids * 4 > sb.bytesUsed) throw new FormatError('squashfs: bad gid table');
  if (sb.fragments > sb.inodes) throw new FormatError(`squashfs: ${sb.fragments} fragments for ${sb.inodes} inodes`);
}
