import { FormatError } from '../../firmware/errors.js';
import { fileOffset, reader, readHeader, sections, segments, type ElfHeader, type Segment } from './header.js';

// Dynamic symbols of an ELF executable or library: what it imports (undefined symbols such as `system` or
// `popen`) and exports, and the libraries it needs. Read from the .dynsym section when section headers are
// present, else from the PT_DYNAMIC segment (sstrip'ed binaries, common in router firmware, have no
// section headers), with the symbol count taken from DT_HASH or DT_GNU_HASH.

export interface DynamicSymbol {
  readonly name: string;
  /** False for imports (section index SHN_UNDEF). */
  readonly defined: boolean;
}

export interface DynamicInfo {
  readonly symbols: readonly DynamicSymbol[];
  readonly needed: readonly string[];
}

const MAX_SYMBOLS = 65_536;
const MAX_DYNAMIC = 4096;
const SHT_STRTAB = 3;
const SHT_DYNSYM = 11;
const PT_DYNAMIC = 2;
const DT = { NEEDED: 1, HASH: 4, STRTAB: 5, SYMTAB: 6, STRSZ: 10, SYMENT: 11, GNU_HASH: 0x6ffffef5 } as const;

interface Table { readonly symtab: number; readonly count: number; readonly entsize: number; readonly strtab: number; readonly strsz: number }

/** The dynamic symbols and needed libraries of an ELF file; throws FormatError when it is malformed. */
export function dynamicInfo(buf: Buffer): DynamicInfo {
  const h = readHeader(buf);
  const loads = segments(buf, h);
  const dyn = dynamicEntries(buf, h, loads);
  const table = fromSections(buf, h) ?? fromDynamic(buf, h, loads, dyn);
  const strtab = table ?? stringTable(h, loads, dyn);
  const needed = strtab ? dyn.filter((d) => d.tag === DT.NEEDED).map((d) => name(buf, strtab, d.val)).filter((n) => n !== '') : [];
  return { symbols: table ? symbols(buf, h, table) : [], needed };
}

function fromSections(buf: Buffer, h: ElfHeader): Table | undefined {
  const all = sections(buf, h);
  const sym = all.find((s) => s.type === SHT_DYNSYM);
  const str = sym ? all[sym.link] : undefined;
  if (!sym || !str || str.type !== SHT_STRTAB) return undefined;
  const entsize = sym.entsize || (h.bits === 32 ? 16 : 24);
  return { symtab: sym.offset, count: Math.floor(sym.size / entsize), entsize, strtab: str.offset, strsz: str.size };
}

function dynamicEntries(buf: Buffer, h: ElfHeader, loads: readonly Segment[]): { tag: number; val: number }[] {
  const seg = loads.find((s) => s.type === PT_DYNAMIC);
  if (!seg) return [];
  const r = reader(buf, h).seek(seg.offset);
  const out: { tag: number; val: number }[] = [];
  const end = Math.min(seg.offset + seg.filesz, buf.length);
  const step = h.bits === 32 ? 8 : 16;
  while (r.pos + step <= end && out.length < MAX_DYNAMIC) {
    // 64-bit entries: tags fit in 32 bits; values beyond 2^53 (flags, checksums) are of no use here and are cut to 53 bits.
    const big = () => r.bytes(8)[h.littleEndian ? 'readBigUInt64LE' : 'readBigUInt64BE'](0);
    const tag = h.bits === 32 ? r.u32() : Number(big() & 0xffffffffn);
    const val = h.bits === 32 ? r.u32() : Number(BigInt.asUintN(53, big()));
    if (tag === 0) break;
    out.push({ tag, val });
  }
  return out;
}

function stringTable(h: ElfHeader, loads: readonly Segment[], dyn: readonly { tag: number; val: number }[]): Pick<Table, 'strtab' | 'strsz'> | undefined {
  const at = dyn.find((d) => d.tag === DT.STRTAB)?.val;
  const strsz = dyn.find((d) => d.tag === DT.STRSZ)?.val ?? 0;
  const strtab = at === undefined ? undefined : fileOffset(loads, at);
  return strtab === undefined ? undefined : { strtab, strsz };
}

function fromDynamic(buf: Buffer, h: ElfHeader, loads: readonly Segment[], dyn: readonly { tag: number; val: number }[]): Table | undefined {
  const get = (tag: number) => dyn.find((d) => d.tag === tag)?.val;
  const str = stringTable(h, loads, dyn);
  const symAddr = get(DT.SYMTAB);
  const symtab = symAddr === undefined ? undefined : fileOffset(loads, symAddr);
  if (!str || symtab === undefined) return undefined;
  const entsize = get(DT.SYMENT) ?? (h.bits === 32 ? 16 : 24);
  const hash = get(DT.HASH);
  const gnu = get(DT.GNU_HASH);
  let count: number | undefined;
  if (hash !== undefined) {
    const at = fileOffset(loads, hash);
    if (at !== undefined) count = reader(buf, h).seek(at + 4).u32();
  } else if (gnu !== undefined) {
    const at = fileOffset(loads, gnu);
    if (at !== undefined) count = gnuHashCount(buf, h, at);
  }
  // Linkers place the symbol table right before the string table: that bounds the count when no hash says it.
  if (count === undefined && str.strtab > symtab) count = Math.floor((str.strtab - symtab) / entsize);
  return count === undefined ? undefined : { symtab, count, entsize, ...str };
}

/** Number of symbols from a GNU hash table: the highest symbol index reached by any bucket's chain, plus one. */
function gnuHashCount(buf: Buffer, h: ElfHeader, at: number): number {
  const r = reader(buf, h).seek(at);
  const nbuckets = r.u32();
  const symoffset = r.u32();
  const bloomSize = r.u32();
  r.skip(4);
  if (nbuckets > MAX_SYMBOLS || bloomSize > MAX_SYMBOLS) throw new FormatError('ELF: GNU hash table too large');
  r.skip(bloomSize * (h.bits === 32 ? 4 : 8));
  const buckets = r.pos;
  let last = 0;
  for (let i = 0; i < nbuckets; i++) last = Math.max(last, r.u32());
  if (last < symoffset) return symoffset;
  const chains = buckets + nbuckets * 4;
  r.seek(chains + (last - symoffset) * 4);
  for (let n = 0; n < MAX_SYMBOLS; n++, last++) if (r.u32() & 1) return last + 1;
  throw new FormatError('ELF: unterminated GNU hash chain');
}

function name(buf: Buffer, t: Pick<Table, 'strtab' | 'strsz'>, offset: number): string {
  const start = t.strtab + offset;
  if (offset < 0 || start >= buf.length || (t.strsz > 0 && offset >= t.strsz)) return '';
  const limit = Math.min(buf.length, t.strsz > 0 ? t.strtab + t.strsz : buf.length, start + 1024);
  const end = buf.indexOf(0, start);
  return buf.toString('latin1', start, end < 0 || end > limit ? limit : end);
}

function symbols(buf: Buffer, h: ElfHeader, t: Table): DynamicSymbol[] {
  const out: DynamicSymbol[] = [];
  const r = reader(buf, h);
  const min = h.bits === 32 ? 16 : 24;
  if (t.entsize < min) throw new FormatError(`ELF: symbol entry size ${t.entsize} too small`);
  for (let i = 1; i < Math.min(t.count, MAX_SYMBOLS); i++) {
    r.seek(t.symtab + i * t.entsize);
    const nameOffset = r.u32();
    if (h.bits === 32) r.skip(10);
    else r.skip(2);
    const shndx = r.u16();
    const n = name(buf, t, nameOffset);
    if (n) out.push({ name: n, defined: shndx !== 0 });
  }
  return out;
}
