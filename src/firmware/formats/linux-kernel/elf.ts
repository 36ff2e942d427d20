// Just enough ELF (System V gABI) to list section names, offsets and sizes of a vmlinux: 32/64-bit, either
// byte order; every header read is bounds-checked and the section count capped.
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

const MAX_SECTIONS = 4096;
const SHT_NOBITS = 8;

export interface ElfSection {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}

export function isElf(src: ByteSource): boolean {
  return src.size >= 52 && src.read(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
}

export function elfSections(src: ByteSource): ElfSection[] {
  expect(isElf(src), 'ELF: bad magic');
  const ident = src.read(0, 16);
  const is64 = ident[4] === 2;
  const r = new BinaryReader(src.read(0, Math.min(64, src.size)), ident[5] !== 2, 'ELF header');
  const shoff = r.seek(is64 ? 0x28 : 0x20)[is64 ? 'u64' : 'u32']();
  const shentsize = r.seek(is64 ? 0x3a : 0x2e).u16();
  const shnum = r.u16();
  const shstrndx = r.u16();
  expect(shnum <= MAX_SECTIONS && shentsize >= (is64 ? 64 : 40), `ELF: ${shnum} sections of ${shentsize} bytes`);
  expect(shoff + shnum * shentsize <= src.size, 'ELF: section table outside the file');
  const table = new BinaryReader(src.read(shoff, shnum * shentsize), r.littleEndian, 'ELF sections');
  const raw = Array.from({ length: shnum }, (_, i) => {
    table.seek(i * shentsize);
    const name = table.u32();
    const type = table.u32();
    table.skip(is64 ? 16 : 8); // flags, addr
    const offset = is64 ? table.u64() : table.u32();
    const size = is64 ? table.u64() : table.u32();
    return { name, type, offset, size };
  });
  const strtab = raw[shstrndx];
  expect(strtab !== undefined && strtab.offset + strtab.size <= src.size, 'ELF: no section name table');
  const names = src.read(strtab.offset, strtab.size);
  return raw.map((s) => {
    const end = names.indexOf(0, s.name);
    const name = s.name < names.length ? names.toString('latin1', s.name, end === -1 ? names.length : end) : '';
    const inFile = s.type !== SHT_NOBITS && s.offset + s.size <= src.size;
    return { name, offset: s.offset, size: inFile ? s.size : 0 };
  });
}
