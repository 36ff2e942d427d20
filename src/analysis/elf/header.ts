import { FormatError } from '../../firmware/errors.js';
import { BinaryReader } from '../../firmware/source/index.js';

// The parts of an ELF file (System V ABI, "ELF-64 Object File Format" and the gABI) needed to find its
// dynamic symbols: identification, program headers and section headers, for 32- and 64-bit, either byte order.

export interface ElfHeader {
  readonly bits: 32 | 64;
  readonly littleEndian: boolean;
  readonly machine: number;
  readonly phoff: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly shoff: number;
  readonly shentsize: number;
  readonly shnum: number;
}

export interface Segment { readonly type: number; readonly offset: number; readonly vaddr: number; readonly filesz: number }
export interface Section { readonly type: number; readonly offset: number; readonly size: number; readonly link: number; readonly entsize: number }

/** Headers and tables are read at most this many entries deep, whatever the counts say. */
const MAX_ENTRIES = 4096;

export function reader(buf: Buffer, h: Pick<ElfHeader, 'littleEndian'>): BinaryReader {
  return new BinaryReader(buf, h.littleEndian, 'ELF');
}

export function readHeader(buf: Buffer): ElfHeader {
  if (buf.length < 52 || buf.readUInt32BE(0) !== 0x7f454c46) throw new FormatError('ELF: no ELF magic');
  const cls = buf[4];
  const data = buf[5];
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2)) throw new FormatError(`ELF: bad class ${cls} or data encoding ${data}`);
  const bits = cls === 1 ? 32 : 64;
  const r = reader(buf, { littleEndian: data === 1 }).seek(18);
  const machine = r.u16();
  r.skip(4 + (bits === 32 ? 4 : 8)); // e_version, e_entry
  const word = () => (bits === 32 ? r.u32() : r.u64());
  const phoff = word();
  const shoff = word();
  r.skip(4 + 2); // e_flags, e_ehsize
  const phentsize = r.u16();
  const phnum = r.u16();
  const shentsize = r.u16();
  const shnum = r.u16();
  return { bits, littleEndian: data === 1, machine, phoff, phentsize, phnum, shoff, shentsize, shnum };
}

export function segments(buf: Buffer, h: ElfHeader): Segment[] {
  const size = h.bits === 32 ? 32 : 56;
  if (h.phoff === 0 || h.phnum === 0) return [];
  if (h.phentsize < size) throw new FormatError(`ELF: program header entry size ${h.phentsize} too small`);
  const out: Segment[] = [];
  const r = reader(buf, h);
  for (let i = 0; i < Math.min(h.phnum, MAX_ENTRIES); i++) {
    r.seek(h.phoff + i * h.phentsize);
    const type = r.u32();
    if (h.bits === 32) {
      const offset = r.u32();
      const vaddr = r.u32();
      r.skip(4);
      out.push({ type, offset, vaddr, filesz: r.u32() });
    } else {
      r.skip(4);
      const offset = r.u64();
      const vaddr = r.u64();
      r.skip(8);
      out.push({ type, offset, vaddr, filesz: r.u64() });
    }
  }
  return out;
}

export function sections(buf: Buffer, h: ElfHeader): Section[] {
  const size = h.bits === 32 ? 40 : 64;
  if (h.shoff === 0 || h.shnum === 0 || h.shoff >= buf.length) return [];
  if (h.shentsize < size) throw new FormatError(`ELF: section header entry size ${h.shentsize} too small`);
  const out: Section[] = [];
  const r = reader(buf, h);
  for (let i = 0; i < Math.min(h.shnum, MAX_ENTRIES); i++) {
    r.seek(h.shoff + i * h.shentsize).skip(4);
    const type = r.u32();
    if (h.bits === 32) {
      r.skip(8);
      const offset = r.u32();
      const sz = r.u32();
      const link = r.u32();
      r.skip(8);
      out.push({ type, offset, size: sz, link, entsize: r.u32() });
    } else {
      r.skip(16);
      const offset = r.u64();
      const sz = r.u64();
      const link = r.u32();
      r.skip(12);
      out.push({ type, offset, size: sz, link, entsize: r.u64() });
    }
  }
  return out;
}

/** The file offset of a virtual address, through the PT_LOAD segment that maps it. */
export function fileOffset(loads: readonly Segment[], vaddr: number): number | undefined {
  for (const s of loads) if (s.type === 1 && vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz) return s.offset + (vaddr - s.vaddr);
  return undefined;
}
