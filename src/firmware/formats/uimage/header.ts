// The legacy u-boot image header (include/image.h `legacy_img_hdr`): 64 bytes, all fields big-endian.
import { crc32 } from 'node:zlib';
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';
import { archName, compName, IH_COMP_COUNT, osName, typeName } from './names.js';

export const UIMAGE_MAGIC = 0x27051956;
export const HEADER_SIZE = 64;

export interface UImageHeader {
  readonly headerCrc: number;
  /** CRC-32 of the header with its CRC field zeroed, as u-boot computes it. */
  readonly computedHeaderCrc: number;
  readonly time: number;
  readonly dataSize: number;
  readonly load: number;
  readonly entry: number;
  readonly dataCrc: number;
  readonly os: number;
  readonly arch: number;
  readonly type: number;
  readonly comp: number;
  readonly name: string;
}

export function parseHeader(src: ByteSource): UImageHeader {
  expect(src.size >= HEADER_SIZE, `uImage: ${src.size} bytes is shorter than the 64-byte header`);
  const raw = src.read(0, HEADER_SIZE);
  const r = new BinaryReader(raw, false, 'uImage header');
  expect(r.u32() === UIMAGE_MAGIC, 'uImage: bad magic');
  const headerCrc = r.u32();
  const zeroed = Buffer.from(raw);
  zeroed.writeUInt32BE(0, 4);
  return {
    headerCrc,
    computedHeaderCrc: crc32(zeroed) >>> 0,
    time: r.u32(),
    dataSize: r.u32(),
    load: r.u32(),
    entry: r.u32(),
    dataCrc: r.u32(),
    os: r.u8(),
    arch: r.u8(),
    type: r.u8(),
    comp: r.u8(),
    name: r.cstring(32),
  };
}

/** True when the enumerations are ones u-boot defines; used to reject random magic hits when carving. */
export function plausible(h: UImageHeader): boolean {
  return h.comp < IH_COMP_COUNT && h.type > 0 && h.type < 64 && h.arch < 64 && h.os < 64;
}

/** `dumpimage -l`'s "Image Type" line: architecture, OS, type and compression. */
export function imageTypeLine(h: UImageHeader): string {
  return `${archName(h.arch)} ${osName(h.os)} ${typeName(h.type)} (${compName(h.comp)})`;
}

export function hex(v: number): string {
  return `0x${v.toString(16).padStart(8, '0')}`;
}

export function describeHeader(h: UImageHeader): string {
  const crc = h.headerCrc === h.computedHeaderCrc ? '' : ', header CRC mismatch';
  return `u-boot legacy image "${h.name}": ${imageTypeLine(h)}, ${h.dataSize} data bytes, load ${hex(h.load)}, entry ${hex(h.entry)}, created ${new Date(h.time * 1000).toISOString()}${crc}`;
}
