import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import { BlockCodec } from '../squashfs/block-codec.js';
import { sharedPool, type TaskRunner } from '../../pool/index.js';
import { ContentReader, type FragmentEntry } from '../squashfs/content.js';
import { IndexedTable, MetaCursor, MetadataStore } from '../squashfs/metadata.js';
import type { DirEntry, Inode, MetaRef, SquashfsReader } from '../squashfs/model.js';
import { maxTableBytes } from '../squashfs/reader.js';
import { readDirLegacy } from './directories.js';
import { readInodeLegacy, type LegacyInodeContext } from './inodes.js';
import { LEGACY_FLAGS, parseSuperblockLegacy, type SuperblockLegacy } from './superblock.js';

/** Reads a plain array of 32-bit ids (2.x/3.x keep uid and gid tables uncompressed). */
function readIds(src: ByteSource, start: number, count: number, le: boolean): number[] {
  const raw = src.read(start, count * 4);
  return Array.from({ length: count }, (_, i) => (le ? raw.readUInt32LE(i * 4) : raw.readUInt32BE(i * 4)));
}

/** An opened squashfs 2.x or 3.x image, either byte order, zlib or vendor LZMA. */
export class SquashfsLegacy implements SquashfsReader {
  private readonly store: MetadataStore;
  private readonly fragmentTable: IndexedTable | null;
  private readonly content: ContentReader;
  private readonly context: LegacyInodeContext;

  constructor(readonly src: ByteSource, runner: TaskRunner = sharedPool(), readonly sb: SuperblockLegacy = parseSuperblockLegacy(src)) {
    const le = sb.littleEndian;
    const codec = new BlockCodec({ kind: 'auto' });
    this.store = new MetadataStore(src, { littleEndian: le, checkByte: (sb.flags & LEGACY_FLAGS.check) !== 0, codec });
    const uids = readIds(src, sb.uidStart, sb.uids, le);
    const gids = readIds(src, sb.guidStart, sb.guids, le);
    const v3 = sb.major === 3;
    this.fragmentTable = sb.fragments > 0 ? new IndexedTable(this.store, src, sb.fragmentTable, sb.fragments, v3 ? 16 : 8, v3 ? 8 : 4, le) : null;
    const lookup = (table: number[], what: string) => (i: number) => {
      const id = table[i];
      if (id === undefined) throw new FormatError(`squashfs: ${what} index ${i} outside the ${table.length}-entry table`);
      return id;
    };
    this.context = {
      littleEndian: le,
      major: sb.major,
      mkfsTime: sb.mkfsTime,
      blockSize: sb.blockSize,
      fragments: this.fragmentTable ? sb.fragments : 0,
      bytesUsed: sb.bytesUsed,
      maxListBytes: maxTableBytes(sb.inodeTable, sb.directoryTable),
      uid: lookup(uids, 'uid'),
      gid: lookup(gids, 'gid'),
    };
    // Worker threads start now, so their start-up overlaps the tree walk rather than the first read.
    runner.warm?.();
    this.content = new ContentReader({ src, blockSize: sb.blockSize, codec, runner, fragment: (i) => this.fragment(i) });
  }

  get rootRef(): MetaRef {
    return this.sb.rootInode;
  }

  readInode(ref: MetaRef): Inode {
    return readInodeLegacy(new MetaCursor(this.store, this.sb.inodeTable, this.sb.directoryTable, ref), this.context, ref);
  }

  readDir(inode: Inode): DirEntry[] {
    if (!inode.dir || inode.dir.size === 0) return [];
    const cursor = new MetaCursor(this.store, this.sb.directoryTable, this.sb.bytesUsed, inode.dir.ref);
    return readDirLegacy(cursor, inode.dir.size, this.sb.littleEndian, this.sb.major);
  }

  xattrs(): undefined {
    return undefined;
  }

  readFile(inode: Inode): Promise<Buffer> {
    if (!inode.file) return Promise.reject(new FormatError('squashfs: not a regular file'));
    return this.content.read(inode.file);
  }

  writeFile(inode: Inode, fd: number): Promise<number> {
    if (!inode.file) return Promise.reject(new FormatError('squashfs: not a regular file'));
    return this.content.writeTo(inode.file, fd);
  }

  private fragment(index: number): FragmentEntry {
    if (!this.fragmentTable) throw new FormatError(`squashfs: fragment ${index} but the image has no fragment table`);
    const e = this.fragmentTable.entry(index);
    const le = this.sb.littleEndian;
    const v3 = this.sb.major === 3;
    const start = v3 ? Number(le ? e.readBigUInt64LE(0) : e.readBigUInt64BE(0)) : le ? e.readUInt32LE(0) : e.readUInt32BE(0);
    if (start >= this.sb.bytesUsed) throw new FormatError(`squashfs: fragment ${index} starts past the image end`);
    const at = v3 ? 8 : 4;
    return { start, word: le ? e.readUInt32LE(at) : e.readUInt32BE(at) };
  }
}
