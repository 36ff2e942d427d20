// The 40-byte flattened-device-tree header (Devicetree Specification, 5.2), with every block checked to lie
// inside both the declared total size and the source.
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

export const FDT_MAGIC = 0xd00dfeed;
const HEADER_SIZE = 40;
/** Oldest layout with size_dt_strings (v3); v17 adds size_dt_struct, which we then require to be sane. */
const MIN_VERSION = 16;
/** Property names of a real tree fit in far less; caps the one block we read whole. */
const MAX_STRINGS = 4 * 1024 * 1024;

export interface FdtHeader {
  readonly totalSize: number;
  readonly offStruct: number;
  readonly offStrings: number;
  readonly offMemRsvmap: number;
  readonly version: number;
  readonly lastCompVersion: number;
  readonly sizeStrings: number;
  readonly sizeStruct: number;
}

function inside(what: string, off: number, len: number, total: number): void {
  expect(off >= HEADER_SIZE && off <= total && len <= total - off, `device tree: ${what} (${len} bytes at ${off}) outside the ${total}-byte blob`);
}

export function parseFdtHeader(src: ByteSource): FdtHeader {
  expect(src.size >= HEADER_SIZE, 'device tree: shorter than its header');
  const r = new BinaryReader(src.read(0, HEADER_SIZE), false, 'fdt header');
  expect(r.u32() === FDT_MAGIC, 'device tree: bad magic');
  const totalSize = r.u32();
  const offStruct = r.u32();
  const offStrings = r.u32();
  const offMemRsvmap = r.u32();
  const version = r.u32();
  const lastCompVersion = r.u32();
  r.u32(); // boot_cpuid_phys
  const sizeStrings = r.u32();
  const sizeStructField = r.u32();
  expect(totalSize <= src.size, `device tree: total size ${totalSize} exceeds the ${src.size}-byte source`);
  expect(version >= MIN_VERSION && lastCompVersion <= 17, `device tree: unsupported version ${version} (last compatible ${lastCompVersion})`);
  // Before v17 the structure block size is not stored: it runs at most to the strings block or the end.
  const sizeStruct = version >= 17 ? sizeStructField : (offStrings > offStruct ? offStrings : totalSize) - offStruct;
  inside('structure block', offStruct, sizeStruct, totalSize);
  inside('strings block', offStrings, sizeStrings, totalSize);
  inside('memory reservation map', offMemRsvmap, 16, totalSize);
  expect(sizeStrings <= MAX_STRINGS, `device tree: strings block of ${sizeStrings} bytes is over the cap`);
  return { totalSize, offStruct, offStrings, offMemRsvmap, version, lastCompVersion, sizeStrings, sizeStruct };
}
