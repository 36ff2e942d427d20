import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import { decodeName, decodeNameAt } from '../text.js';
import type { BlockCodec } from './block-codec.js';
import type { MetaRef } from './model.js';

/** Metadata blocks (inodes, directories, tables) hold at most 8 KiB each. */
export const METADATA_SIZE = 8192;
const CACHE_BLOCKS = 256;

interface MetaBlock {
  readonly data: Buffer;
  /** Absolute offset of the block that follows this one. */
  readonly next: number;
}

export interface MetadataOptions {
  /** Byte order of the 16-bit block headers (AVM's big-endian 4.0 images keep them little-endian). */
  readonly littleEndian: boolean;
  /** 2.x/3.x images made with `-check_data` put a marker byte after each block header. */
  readonly checkByte: boolean;
  readonly codec: BlockCodec;
}

/**
 * Reads and caches metadata blocks: a 16-bit header (bit 15 set = stored uncompressed, low bits = stored
 * length) followed by the block. An LRU of decompressed blocks keeps the repeated inode and directory reads
 * of a tree walk cheap while bounding memory.
 */
export class MetadataStore {
  private readonly cache = new Map<number, MetaBlock>();

  constructor(private readonly src: ByteSource, private readonly options: MetadataOptions) {}

  block(pos: number): MetaBlock {
    const hit = this.cache.get(pos);
    if (hit) {
      this.cache.delete(pos);
      this.cache.set(pos, hit);
      return hit;
    }
    const block = this.load(pos);
    this.cache.set(pos, block);
    if (this.cache.size > CACHE_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
    return block;
  }

  private load(pos: number): MetaBlock {
    const head = this.src.read(pos, 2);
    const word = this.options.littleEndian ? head.readUInt16LE(0) : head.readUInt16BE(0);
    const stored = (word & 0x8000) !== 0;
    const length = word & 0x7fff;
    if (length === 0 || length > METADATA_SIZE) throw new FormatError(`squashfs: metadata block at ${pos} claims ${length} bytes`);
    const start = pos + 2 + (this.options.checkByte ? 1 : 0);
    const raw = this.src.read(start, length);
    // Copy stored blocks: a source may hand out views of a page cache that later reads overwrite.
    const data = stored ? Buffer.from(raw) : this.options.codec.decode(raw, METADATA_SIZE);
    return { data, next: start + length };
  }
}

/** Stored length of the metadata block at `pos` read in one byte order, or 0 when that reading is impossible. */
function headerLength(src: ByteSource, pos: number, littleEndian: boolean): number {
  const head = src.read(pos, 2);
  const length = (littleEndian ? head.readUInt16LE(0) : head.readUInt16BE(0)) & 0x7fff;
  return length > 0 && length <= METADATA_SIZE ? length : 0;
}

/**
 * Byte order of metadata block headers. Normally that of the image; some big-endian 4.0 builds (AVM) write
 * them little-endian. The right order is the one whose chain of blocks from the start of the inode table
 * ends exactly where the directory table starts.
 */
export function metadataHeaderOrder(src: ByteSource, imageLittleEndian: boolean, inodeTable: number, directoryTable: number, checkByte = false): boolean {
  for (const order of [imageLittleEndian, !imageLittleEndian]) {
    let pos = inodeTable;
    while (pos < directoryTable) {
      const length = headerLength(src, pos, order);
      if (length === 0) break;
      pos += 2 + (checkByte ? 1 : 0) + length;
    }
    if (pos === directoryTable) return order;
  }
  return imageLittleEndian;
}

/**
 * A cursor over one metadata table that reads across block boundaries (inodes and directory listings may
 * straddle blocks). Every read stays inside [tableStart, tableEnd).
 */
export class MetaCursor {
  private pos: number;
  private block: MetaBlock;
  private offset: number;

  constructor(
    private readonly store: MetadataStore,
    private readonly tableStart: number,
    private readonly tableEnd: number,
    ref: MetaRef,
  ) {
    this.pos = tableStart + ref.block;
    this.checkPos();
    this.block = store.block(this.pos);
    if (ref.offset > this.block.data.length) throw new FormatError(`squashfs: offset ${ref.offset} past the ${this.block.data.length}-byte metadata block at ${this.pos}`);
    this.offset = ref.offset;
  }

  /** Where the next read starts, as a reference relative to the table. */
  get ref(): MetaRef {
    return { block: this.pos - this.tableStart, offset: this.offset };
  }

  bytes(n: number): Buffer {
    const { data } = this.block;
    if (this.offset + n <= data.length) {
      const out = data.subarray(this.offset, this.offset + n);
      this.offset += n;
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let done = 0;
    while (done < n) {
      if (this.offset >= this.block.data.length) this.advance();
      const take = Math.min(n - done, this.block.data.length - this.offset);
      this.block.data.copy(out, done, this.offset, this.offset + take);
      this.offset += take;
      done += take;
    }
    return out;
  }

  /** Reads in place when the value lies inside the current block (the common case); else through bytes(). */
  u16(littleEndian: boolean): number {
    const { data } = this.block;
    const at = this.offset;
    if (at + 2 > data.length) {
      const b = this.bytes(2);
      return littleEndian ? b.readUInt16LE(0) : b.readUInt16BE(0);
    }
    this.offset = at + 2;
    return littleEndian ? data[at]! | (data[at + 1]! << 8) : (data[at]! << 8) | data[at + 1]!;
  }

  u32(littleEndian: boolean): number {
    const { data } = this.block;
    const at = this.offset;
    if (at + 4 > data.length) {
      const b = this.bytes(4);
      return littleEndian ? b.readUInt32LE(0) : b.readUInt32BE(0);
    }
    this.offset = at + 4;
    return littleEndian ? data.readUInt32LE(at) : data.readUInt32BE(at);
  }

  /** A 64-bit value as a number; FormatError when it is not a safe integer (no real image needs more). */
  u64(littleEndian: boolean): number {
    const a = this.u32(littleEndian);
    const b = this.u32(littleEndian);
    const low = littleEndian ? a : b;
    const high = littleEndian ? b : a;
    if (high > 0x1f_ffff) throw new FormatError(`squashfs: 64-bit value ${high * 2 ** 32 + low} too large`);
    return high * 2 ** 32 + low;
  }

  /** `n` bytes as a file name (see decodeName), decoded in place when they lie inside the current block. */
  name(n: number): string {
    const { data } = this.block;
    const at = this.offset;
    if (at + n > data.length) return decodeName(this.bytes(n));
    this.offset = at + n;
    return decodeNameAt(data, at, at + n);
  }

  skip(n: number): void {
    let left = n;
    while (left > 0) {
      if (this.offset >= this.block.data.length) this.advance();
      const take = Math.min(left, this.block.data.length - this.offset);
      this.offset += take;
      left -= take;
    }
  }

  private advance(): void {
    this.pos = this.block.next;
    this.checkPos();
    this.block = this.store.block(this.pos);
    this.offset = 0;
  }

  private checkPos(): void {
    if (!Number.isSafeInteger(this.pos) || this.pos < this.tableStart || this.pos >= this.tableEnd) {
      throw new FormatError(`squashfs: metadata read at ${this.pos} outside its table [${this.tableStart}, ${this.tableEnd})`);
    }
  }
}

/**
 * A table of fixed-size entries stored in metadata blocks, found through an array of block pointers (ids,
 * fragments, xattr ids, lookup). Blocks are read on first use.
 */
export class IndexedTable {
  private readonly pointers: number[];

  constructor(
    private readonly store: MetadataStore,
    src: ByteSource,
    indexStart: number,
    readonly count: number,
    private readonly entrySize: number,
    pointerSize: 4 | 8,
    littleEndian: boolean,
  ) {
    const blocks = Math.ceil((count * entrySize) / METADATA_SIZE);
    const raw = src.read(indexStart, blocks * pointerSize);
    this.pointers = [];
    for (let i = 0; i < blocks; i++) {
      const at = i * pointerSize;
      const p = pointerSize === 4
        ? (littleEndian ? raw.readUInt32LE(at) : raw.readUInt32BE(at))
        : Number(littleEndian ? raw.readBigUInt64LE(at) : raw.readBigUInt64BE(at));
      if (!Number.isSafeInteger(p) || p >= src.size) throw new FormatError(`squashfs: table block pointer ${p} outside the image`);
      this.pointers.push(p);
    }
  }

  /** The bytes of entry `i`. */
  entry(i: number): Buffer {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) throw new FormatError(`squashfs: table index ${i} outside 0..${this.count - 1}`);
    const byte = i * this.entrySize;
    const block = this.store.block(this.pointers[Math.floor(byte / METADATA_SIZE)]!);
    const at = byte % METADATA_SIZE;
    if (at + this.entrySize > block.data.length) throw new FormatError(`squashfs: table entry ${i} beyond its ${block.data.length}-byte block`);
    return block.data.subarray(at, at + this.entrySize);
  }
}
