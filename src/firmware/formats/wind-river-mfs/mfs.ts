// The Wind River "management filesystem" of TP-Link's VxWorks firmware: the web UI files. 32 bytes of "ow"
// magic, a big-endian word (1: each file LZMA-compressed), the file count and one more word, then one 48-byte
// entry per file (40-byte NUL-padded name, length, offset from the magic), then the file data. Layout inferred
// from real images (binwalk names the format; no public specification exists).
import { expect } from '../../errors.js';
import type { ByteSource } from '../../types.js';

export const MFS_MAGIC = Buffer.from('ow'.repeat(16), 'latin1');
const HEADER_SIZE = 44;
const ENTRY_SIZE = 48;
const NAME_SIZE = 40;

export interface MfsFile {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

export interface Mfs {
  readonly compressed: boolean;
  readonly files: readonly MfsFile[];
  readonly length: number;
}

export function parseMfs(src: ByteSource, maxEntries: number): Mfs {
  expect(src.size >= HEADER_SIZE && src.read(0, 32).equals(MFS_MAGIC), 'MFS: bad magic');
  const head = src.read(32, 12);
  const kind = head.readUInt32BE(0);
  const count = head.readUInt32BE(4);
  expect(kind === 1 || kind === 2, `MFS: unknown kind ${kind}`);
  expect(count > 0 && count <= maxEntries, `MFS: file count ${count} outside 1..${maxEntries}`);
  const tableEnd = HEADER_SIZE + count * ENTRY_SIZE;
  expect(tableEnd <= src.size, `MFS: table of ${count} entries runs past the source`);
  const table = src.read(HEADER_SIZE, count * ENTRY_SIZE);
  let length = tableEnd;
  const files = Array.from({ length: count }, (_, i) => {
    const at = i * ENTRY_SIZE;
    const raw = table.subarray(at, at + NAME_SIZE);
    const nul = raw.indexOf(0);
    const name = raw.subarray(0, nul === -1 ? NAME_SIZE : nul).toString('latin1');
    const fileLength = table.readUInt32BE(at + NAME_SIZE);
    const offset = table.readUInt32BE(at + NAME_SIZE + 4);
    expect(offset >= tableEnd && fileLength <= src.size && offset <= src.size - fileLength, `MFS: file ${i} "${name}" (${fileLength} bytes at ${offset}) outside the source`);
    length = Math.max(length, offset + fileLength);
    return { name, offset, length: fileLength };
  });
  return { compressed: kind === 1, files, length };
}
