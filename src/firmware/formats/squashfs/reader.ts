import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import { BlockCodec } from './block-codec.js';
import { sharedPool, type TaskRunner } from '../../pool/index.js';
import { compressorFor, describeOptions } from './compression.js';
import { ContentReader } from './content.js';
import { readDirV4 } from './directories.js';
import { readInodeV4, type InodeContext } from './inodes.js';
import { IndexedTable, MetaCursor, MetadataStore, METADATA_SIZE, metadataHeaderOrder } from './metadata.js';
import type { DirEntry, Inode, MetaRef, SquashfsReader } from './model.js';
import { FLAGS, NO_TABLE, SUPERBLOCK_SIZE, parseSuperblockV4, type SuperblockV4 } from './superblock.js';
import { XattrTable } from './xattrs.js';

/** Most uncompressed bytes a metadata table can hold: every stored block is at least 3 bytes on disk. */
export function maxTableBytes(start: number, end: number): number {
  return Math.ceil((end - start) / 3) * METADATA_SIZE;
}

/** An opened squashfs 4.0 image (either byte order). */
export class SquashfsV4 implements SquashfsReader {
  readonly compressor: string;
  readonly options: string | undefined;
  private readonly store: MetadataStore;
  private readonly ids: number[] = [];
  private readonly fragmentTable: IndexedTable | null;
  private readonly xattrTable: XattrTable | null;
  private readonly content: ContentReader;
  private readonly inodeContext: InodeContext;

  constructor(readonly src: ByteSource, runner: TaskRunner = sharedPool(), readonly sb: SuperblockV4 = parseSuperblockV4(src)) {
    const { name, compression } = compressorFor(sb.compression);
    this.compressor = name;
    const codec = new BlockCodec(compression);
    const le = sb.littleEndian;
    const headers = metadataHeaderOrder(src, le, sb.inodeTable, sb.directoryTable);
    this.store = new MetadataStore(src, { littleEndian: headers, checkByte: false, codec });
    if (sb.flags & FLAGS.compressorOptions) {
      this.options = describeOptions(name, this.store.block(SUPERBLOCK_SIZE).data, le);
    }
    const idTable = new IndexedTable(this.store, src, sb.idTable, sb.ids, 4, 8, le);
    for (let i = 0; i < sb.ids; i++) {
      const b = idTable.entry(i);
      this.ids.push(le ? b.readUInt32LE(0) : b.readUInt32BE(0));
    }
    this.fragmentTable = sb.fragments > 0 && sb.fragmentTable !== NO_TABLE
      ? new IndexedTable(this.store, src, sb.fragmentTable, sb.fragments, 16, 8, le)
      : null;
    this.xattrTable = sb.xattrTable !== NO_TABLE && !(sb.flags & FLAGS.noXattrs) ? new XattrTable(this.store, src, sb.xattrTable, le) : null;
    this.inodeContext = {
      littleEndian: le,
      blockSize: sb.blockSize,
      fragments: this.fragmentTable ? sb.fragments : 0,
      bytesUsed: sb.bytesUsed,
      maxListBytes: maxTableBytes(sb.inodeTable, sb.directoryTable),
      id: (i) => {
        const id = this.ids[i];
        if (id === undefined) throw new FormatError(`squashfs: id index ${i} outside the ${this.ids.length}-entry id table`);
        return id;
      },
    };
    // Worker threads start now, so their start-up overlaps the tree walk rather than the first read.
    runner.warm?.();
    this.content = new ContentReader({ src, blockSize: sb.blockSize, codec, runner, fragment: (i) => this.fragment(i) });
  }

  get rootRef(): MetaRef {
    return this.sb.rootInode;
  }

  readInode(ref: MetaRef): Inode {
    return readInodeV4(new MetaCursor(this.store, this.sb.inodeTable, this.sb.directoryTable, ref), this.inodeContext);
  }

  readDir(inode: Inode): DirEntry[] {
    if (!inode.dir || inode.dir.size === 0) return [];
    const cursor = new MetaCursor(this.store, this.sb.directoryTable, this.sb.bytesUsed, inode.dir.ref);
    return readDirV4(cursor, inode.dir.size, this.sb.littleEndian);
  }

  xattrs(index: number): Record<string, Buffer> | undefined {
    return this.xattrTable?.get(index);
  }

  readFile(inode: Inode): Promise<Buffer> {
    if (!inode.file) return Promise.reject(new FormatError('squashfs: not a regular file'));
    return this.content.read(inode.file);
  }

  writeFile(inode: Inode, fd: number): Promise<number> {
    if (!inode.file) return Promise.reject(new FormatError('squashfs: not a regular file'));
    return this.content.writeTo(inode.file, fd);
  }

  private fragment(index: number): { start: number; word: number } {
    if (!this.fragmentTable) throw new FormatError(`squashfs: fragment ${index} but the image has no fragment table`);
    const e = this.fragmentTable.entry(index);
    const le = this.sb.littleEndian;
    const start = Number(le ? e.readBigUInt64LE(0) : e.readBigUInt64BE(0));
    if (start >= this.sb.bytesUsed) throw new FormatError(`squashfs: fragment ${index} starts past the image end`);
    return { start, word: le ? e.readUInt32LE(8) : e.readUInt32BE(8) };
  }
}
