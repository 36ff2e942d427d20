import { FormatError } from '../../errors.js';
import { MAX_RUN } from '../squashfs/directories.js';
import type { MetaCursor } from '../squashfs/metadata.js';
import type { DirEntry } from '../squashfs/model.js';
import { BitFields } from './bits.js';

/**
 * Reads a 2.x/3.x directory listing of `size` bytes. A run starts with a bit-packed header (count - 1 and the
 * inode block; 3.x adds a base inode number: 9 bytes, 2.x: 4 bytes), followed by bit-packed entries (offset in
 * the inode block, type, name length - 1; 3.x adds an inode number delta: 5 bytes, 2.x: 3 bytes) and names.
 */
export function readDirLegacy(cursor: MetaCursor, size: number, littleEndian: boolean, major: 2 | 3): DirEntry[] {
  const headerSize = major === 3 ? 9 : 4;
  const entrySize = major === 3 ? 5 : 3;
  const out: DirEntry[] = [];
  let left = size;
  while (left > 0) {
    if (left < headerSize) throw new FormatError(`squashfs: ${left} stray bytes at the end of a directory listing`);
    const head = new BitFields(cursor.bytes(headerSize), littleEndian);
    left -= headerSize;
    const count = head.u(0, 8) + 1;
    const block = major === 3 ? head.u(8, 32) : head.u(8, 24);
    if (count > MAX_RUN) throw new FormatError(`squashfs: directory header claims ${count} entries`);
    for (let i = 0; i < count; i++) {
      if (left < entrySize) throw new FormatError('squashfs: directory entry runs past the listing');
      const entry = new BitFields(cursor.bytes(entrySize), littleEndian);
      const nameLength = entry.u(16, 8) + 1;
      left -= entrySize + nameLength;
      if (left < 0) throw new FormatError(`squashfs: directory entry name of ${nameLength} bytes runs past the listing`);
      out.push({ name: cursor.name(nameLength), inode: { block, offset: entry.u(0, 13) } });
    }
  }
  return out;
}
