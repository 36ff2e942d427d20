import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import { IndexedTable, MetaCursor, type MetadataStore } from './metadata.js';

const PREFIXES = ['user.', 'trusted.', 'security.'];
/** Flag on the type word: the value is stored elsewhere, and 8 bytes here point at it. */
const OUT_OF_LINE = 0x100;
const MAX_PAIRS = 4096;
const MAX_VALUE = 65_536;

/**
 * Extended attributes of 4.0: a small header at `xattr_id_table_start` (start of the key/value blocks and
 * the id count), an indexed table of 16-byte ids (reference, pair count, total size), and the key/value
 * metadata blocks. Values shared by many inodes are stored once and referenced out of line.
 */
export class XattrTable {
  private readonly ids: IndexedTable;
  private readonly kvStart: number;
  private readonly kvEnd: number;
  private readonly cache = new Map<number, Record<string, Buffer>>();

  constructor(private readonly store: MetadataStore, src: ByteSource, tableStart: number, private readonly littleEndian: boolean) {
    const head = src.read(tableStart, 16);
    const kv = Number(littleEndian ? head.readBigUInt64LE(0) : head.readBigUInt64BE(0));
    const count = littleEndian ? head.readUInt32LE(8) : head.readUInt32BE(8);
    if (!Number.isSafeInteger(kv) || kv >= tableStart) throw new FormatError(`squashfs: xattr data start ${kv} not before its id table`);
    this.kvStart = kv;
    this.kvEnd = tableStart;
    this.ids = new IndexedTable(store, src, tableStart + 16, count, 16, 8, littleEndian);
  }

  get(index: number): Record<string, Buffer> {
    let hit = this.cache.get(index);
    if (!hit) {
      hit = this.load(index);
      this.cache.set(index, hit);
    }
    return hit;
  }

  private load(index: number): Record<string, Buffer> {
    const id = this.ids.entry(index);
    const ref = Number(this.littleEndian ? id.readBigUInt64LE(0) : id.readBigUInt64BE(0));
    const count = this.littleEndian ? id.readUInt32LE(8) : id.readUInt32BE(8);
    if (count > MAX_PAIRS) throw new FormatError(`squashfs: ${count} extended attributes on one inode`);
    const cursor = this.cursorAt(ref);
    const out: Record<string, Buffer> = {};
    for (let i = 0; i < count; i++) {
      const head = cursor.bytes(4);
      const type = this.littleEndian ? head.readUInt16LE(0) : head.readUInt16BE(0);
      const nameSize = this.littleEndian ? head.readUInt16LE(2) : head.readUInt16BE(2);
      const prefix = PREFIXES[type & 0xff];
      if (prefix === undefined) throw new FormatError(`squashfs: unknown xattr prefix ${type & 0xff}`);
      const name = prefix + cursor.bytes(nameSize).toString('latin1');
      let value = this.value(cursor);
      if (type & OUT_OF_LINE) {
        if (value.length !== 8) throw new FormatError('squashfs: out-of-line xattr reference is not 8 bytes');
        value = this.value(this.cursorAt(Number(this.littleEndian ? value.readBigUInt64LE(0) : value.readBigUInt64BE(0))));
      }
      out[name] = Buffer.from(value);
    }
    return out;
  }

  private value(cursor: MetaCursor): Buffer {
    const sizeBytes = cursor.bytes(4);
    const size = this.littleEndian ? sizeBytes.readUInt32LE(0) : sizeBytes.readUInt32BE(0);
    if (size > MAX_VALUE) throw new FormatError(`squashfs: xattr value of ${size} bytes`);
    return cursor.bytes(size);
  }

  private cursorAt(ref: number): MetaCursor {
    if (!Number.isSafeInteger(ref)) throw new FormatError('squashfs: xattr reference out of range');
    return new MetaCursor(this.store, this.kvStart, this.kvEnd, { block: Math.floor(ref / 65536), offset: ref % 65536 });
  }
}
