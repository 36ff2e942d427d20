// TP-Link firmware header, version 1 (512 bytes, big-endian), as OpenWrt's mktplinkfw writes it and
// TP-Link's web updaters read it: vendor and version strings, hardware id, two MD5 fields, kernel load and
// entry addresses, total length and the offset/length of kernel, rootfs and bootloader.
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

export const HEADER_SIZE = 0x200;
export const TPLINK_MAGIC = Buffer.concat([Buffer.from([1, 0, 0, 0]), Buffer.from('TP-LINK Technologies', 'latin1')]);

export interface TpLinkHeader {
  readonly vendor: string;
  readonly version: string;
  readonly hwId: number;
  readonly hwRev: number;
  readonly md5: Buffer;
  readonly kernelLoad: number;
  readonly kernelEntry: number;
  readonly fwLength: number;
  readonly kernel: { readonly offset: number; readonly length: number };
  readonly rootfs: { readonly offset: number; readonly length: number };
  readonly boot: { readonly offset: number; readonly length: number };
  readonly release: string;
}

export function parseTpLinkHeader(src: ByteSource): TpLinkHeader {
  expect(src.size >= HEADER_SIZE, 'TP-Link: shorter than the 512-byte header');
  const r = new BinaryReader(src.read(0, HEADER_SIZE), false, 'TP-Link header');
  // The version word is 0x01000000 read big-endian (mktplinkfw's HEADER_VERSION_V1).
  expect(r.u32() === 0x01000000, 'TP-Link: not a version 1 header');
  const vendor = r.cstring(24);
  expect(vendor.startsWith('TP-LINK'), 'TP-Link: vendor is not TP-LINK');
  const version = r.cstring(36);
  const hwId = r.u32();
  const hwRev = r.u32();
  r.u32(); // region code
  const md5 = Buffer.from(r.bytes(16));
  r.skip(4 + 16 + 4); // unk2, md5sum2, unk3
  const kernelLoad = r.u32();
  const kernelEntry = r.u32();
  const fwLength = r.u32();
  const span = () => ({ offset: r.u32(), length: r.u32() });
  const kernel = span();
  const rootfs = span();
  const boot = span();
  const release = `${r.u16()}.${r.u16()}.${r.u16()}`;
  expect(fwLength >= HEADER_SIZE, `TP-Link: firmware length ${fwLength} shorter than the header`);
  return { vendor, version, hwId, hwRev, md5, kernelLoad, kernelEntry, fwLength, kernel, rootfs, boot, release };
}

export function describeHeader(h: TpLinkHeader): string {
  const hex = (v: number) => `0x${v.toString(16)}`;
  return `TP-Link firmware header v1 (${h.version || 'no version'}), release ${h.release}, hardware ${hex(h.hwId)} rev ${h.hwRev}, ${h.fwLength} bytes, kernel ${h.kernel.length} bytes at ${hex(h.kernel.offset)} (load ${hex(h.kernelLoad)}, entry ${hex(h.kernelEntry)}), rootfs ${h.rootfs.length} bytes at ${hex(h.rootfs.offset)}, bootloader ${h.boot.length} bytes`;
}
