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
  while (left > 0) {
    if (left < 12) throw new FormatError(`squashfs: ${left} stray bytes at the end of a directory listing`);
    const count = cursor.u32(littleEndian) + 1;
    const block = cursor.u32(littleEndian);
    cursor.skip(4); // base inode number
    left -= 12;
    if (count > MAX_RUN) throw new FormatError(`squashfs: directory header claims ${count} entries`);
    for (let i = 0; i < count; i++) {
      if (left < 8) throw new FormatError('squashfs: directory entry runs past the listing');
      const offset = cursor.u16(littleEndian);
      cursor.skip(4); // inode number delta, type
      const nameLength = cursor.u16(littleEndian) + 1;
      left -= 8 + nameLength;
      if (left < 0 || nameLength > 256) throw new FormatError(`squashfs: directory entry name of ${nameLength} bytes runs past the listing`);
      out.push({ name: cursor.name(nameLength), inode: { block, offset } });
    }
  }
  return out;
}
