import { FormatError } from '../../errors.js';
import type { MetaCursor } from './metadata.js';
import type { DirEntry } from './model.js';

/** A directory header covers at most 256 entries that share one inode metadata block. */
export const MAX_RUN = 256;

/**
 * Reads a 4.0 directory listing of `size` bytes: runs of a 12-byte header (count - 1, inode block, base
 * inode number) followed by 8-byte entries (offset in the block, inode number delta, type, name length - 1)
 * and their names.
 */
export function readDirV4(cursor: MetaCursor, size: number, littleEndian: boolean): DirEntry[] {
  const out: DirEntry[] = [];
  let left = size;
  const u16 = (b: Buffer, at: number) => (littleEndian ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (b: Buffer, at: number) => (littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at));
  while (left > 0) {
    if (left < 12) throw new FormatError(`squashfs: ${left} stray bytes at the end of a directory listing`);
    const head = cursor.bytes(12);
    left -= 12;
    const count = u32(head, 0) + 1;
    const block = u32(head, 4);
    if (count > MAX_RUN) throw new FormatError(`squashfs: directory header claims ${count} entries`);
    for (let i = 0; i < count; i++) {
      if (left < 8) throw new FormatError('squashfs: directory entry runs past the listing');
      const entry = cursor.bytes(8);
      const offset = u16(entry, 0);
      const nameLength = u16(entry, 6) + 1;
      left -= 8 + nameLength;
      if (left < 0 || nameLength > 256) throw new FormatError(`squashfs: directory entry name of ${nameLength} bytes runs past the listing`);
      out.push({ name: Buffer.from(cursor.bytes(nameLength)), inode: { block, offset } });
    }
  }
  return out;
}
