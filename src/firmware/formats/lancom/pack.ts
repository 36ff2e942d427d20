// LANCOM firmware (.upx/.ros): an "RNTP1.01" header with a "PACK" table of named parts (16-byte name,
// little-endian offset, length and flags). Parts with flag 0x200 begin with a 32-byte "RNTP2.00" header
// (uncompressed size at +0x14) followed by an LZMA stream; others are stored (e.g. a 7-zip web archive).
// Layout inferred from a real image; LANCOM publishes no specification.
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

export const LANCOM_MAGIC = Buffer.from('RNTP1.01', 'latin1');
const PART_MAGIC = Buffer.from('RNTP2.00', 'latin1');
const TABLE_AT = 0x30;
const ENTRY_SIZE = 0x20;
const PART_HEADER = 0x20;
const FLAG_PACKED = 0x200;
const MAX_PARTS = 1024;

export interface LancomPart {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
  readonly flags: number;
  /** Offset of the part's payload (after its RNTP2.00 header when it has one). */
  readonly dataOffset: number;
  readonly uncompressedSize: number | undefined;
}

export interface LancomImage {
  readonly length: number;
  readonly parts: readonly LancomPart[];
}

function part(src: ByteSource, name: string, offset: number, length: number, flags: number): LancomPart {
  const packed = (flags & FLAG_PACKED) !== 0 && length >= PART_HEADER && src.read(offset, 8).equals(PART_MAGIC);
  return {
    name,
    offset,
    length,
    flags,
    dataOffset: packed ? offset + PART_HEADER : offset,
    uncompressedSize: packed ? src.read(offset + 0x14, 4).readUInt32LE(0) : undefined,
  };
}

export function parseLancom(src: ByteSource): LancomImage {
  expect(src.size >= TABLE_AT && src.read(0, 8).equals(LANCOM_MAGIC), 'LANCOM: bad magic');
  const head = new BinaryReader(src.read(0, TABLE_AT), true, 'LANCOM header');
  head.seek(0x10);
  const bodySize = head.u32();
  head.seek(0x18);
  expect(head.bytes(4).toString('latin1') === 'PACK', 'LANCOM: no PACK table');
  head.seek(0x20);
  const count = head.u32();
  expect(count > 0 && count <= MAX_PARTS, `LANCOM: ${count} parts`);
  const tableEnd = TABLE_AT + count * ENTRY_SIZE;
  expect(tableEnd <= src.size, 'LANCOM: part table runs past the source');
  const r = new BinaryReader(src.read(TABLE_AT, count * ENTRY_SIZE), true, 'LANCOM part table');
  const parts = Array.from({ length: count }, (_, i) => {
    const name = r.cstring(16);
    const offset = r.u32();
    const length = r.u32();
    const flags = r.u32();
    r.u32();
    expect(offset >= tableEnd && length <= src.size && offset <= src.size - length, `LANCOM: part ${i} "${name}" (${length} bytes at ${offset}) outside the source`);
    return part(src, name, offset, length, flags);
  });
  const end = Math.max(TABLE_AT + bodySize, ...parts.map((p) => p.offset + p.length));
  return { length: Math.min(end, src.size), parts };
}
