// Looks inside a decompressed kernel: the "Linux version ..." banner and the built-in initramfs, taken from
// the ELF `.init.ramfs` section when there is one, otherwise carved as a cpio archive.
import type { ByteSource } from '../../types.js';
import { cpioLength } from './cpio-span.js';
import { elfSections, isElf } from './elf.js';
import type { ElfSection } from './elf.js';
import { compressionAt } from './magics.js';

const BANNER = Buffer.from('Linux version ', 'latin1');
const CPIO = Buffer.from('070701', 'latin1');
const CHUNK = 4 * 1024 * 1024;
/** Candidate cpio magics tried when carving; the string "070701" also appears in the kernel's own code. */
const MAX_CPIO_TRIES = 64;

/** Finds `needle` in [from, to) of a source, reading in chunks that overlap by the needle's length. */
export function findIn(src: ByteSource, needle: Buffer, from = 0, to = src.size): number {
  for (let at = from; at < to; at += CHUNK - needle.length) {
    const chunk = src.read(at, Math.min(CHUNK, to - at));
    const hit = chunk.indexOf(needle);
    if (hit !== -1) return at + hit;
    if (at + chunk.length >= to) break;
  }
  return -1;
}

/** The banner (`Linux version 5.4.72 (user@host) (gcc ...) #1 ...`) in [from, to), if present. */
export function kernelBanner(src: ByteSource, from = 0, to = src.size): string | undefined {
  const at = findIn(src, BANNER, from, to);
  if (at === -1) return undefined;
  const bytes = src.read(at, Math.min(512, src.size - at));
  const end = bytes.findIndex((b) => b < 0x20 || b > 0x7e);
  return bytes.toString('latin1', 0, end === -1 ? bytes.length : end);
}

export interface Initramfs {
  readonly offset: number;
  readonly length: number;
  readonly compression: string | undefined;
}

function fromSection(src: ByteSource, s: ElfSection, maxEntries: number): Initramfs | undefined {
  if (s.size < 6) return undefined;
  const head = src.read(s.offset, Math.min(16, s.size));
  if (head.subarray(0, 6).equals(CPIO)) return { offset: s.offset, length: cpioLength(src, s.offset, maxEntries) ?? s.size, compression: undefined };
  const c = compressionAt(head, 0);
  return c ? { offset: s.offset, length: s.size, compression: c.name } : undefined;
}

function carveCpio(src: ByteSource, maxEntries: number): Initramfs | undefined {
  let from = 0;
  for (let tries = 0; tries < MAX_CPIO_TRIES; tries++) {
    const at = findIn(src, CPIO, from);
    if (at === -1) return undefined;
    const length = cpioLength(src, at, maxEntries);
    if (length !== undefined) return { offset: at, length, compression: undefined };
    from = at + 1;
  }
  return undefined;
}

export interface KernelFacts {
  readonly elf: boolean;
  readonly banner: string | undefined;
  readonly initramfs: Initramfs | undefined;
}

/** Sections only a Linux kernel ELF has; a cheap way to tell vmlinux from any other executable. */
const KERNEL_SECTIONS = ['.init.text', '__param', '__ksymtab', '.data..percpu', '__ex_table'];

export function isVmlinuxElf(sections: readonly ElfSection[]): boolean {
  const names = new Set(sections.map((s) => s.name));
  return names.has('.init.text') && KERNEL_SECTIONS.filter((n) => names.has(n)).length >= 3;
}

export function kernelFacts(src: ByteSource, maxEntries: number): KernelFacts {
  if (isElf(src)) {
    const sections = elfSections(src);
    const rodata = sections.find((s) => s.name === '.rodata');
    const banner = rodata ? kernelBanner(src, rodata.offset, rodata.offset + rodata.size) : kernelBanner(src);
    const ramfs = sections.find((s) => s.name === '.init.ramfs');
    return { elf: true, banner, initramfs: ramfs ? fromSection(src, ramfs, maxEntries) : undefined };
  }
  return { elf: false, banner: kernelBanner(src), initramfs: carveCpio(src, maxEntries) };
}
