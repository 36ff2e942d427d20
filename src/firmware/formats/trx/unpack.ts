// Unpacks a TRX image into its partitions. A partition runs from its offset to the next partition's offset
// (or the end of the image); offsets of 0 mean "unused". The CRC is checked and a mismatch is a warning.
import { crc32Of } from '../../container/checksum.js';
import { clip } from '../../container/payload.js';
import type { Blob } from '../../container/payload.js';
import { expect } from '../../errors.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { CRC_START, parseTrxHeader } from './header.js';
import type { TrxHeader } from './header.js';

/** Usual roles of the partitions (OpenWrt's and Broadcom's CFE layouts); the contents are identified anyway. */
const ROLES = ['loader-or-kernel', 'kernel-or-rootfs', 'rootfs', 'bin-header'];

function describe(h: TrxHeader): string {
  const parts = h.offsets.map((o, i) => `${ROLES[i]}@0x${o.toString(16)}`).join(', ');
  return `Broadcom TRX v${h.version}, ${h.length} bytes, flags 0x${h.flags.toString(16)}, partitions ${parts}`;
}

export function probeTrx(src: ByteSource): Probe | null {
  try {
    const h = parseTrxHeader(src);
    const { length, note } = clip(h.length, src);
    return { length, description: `${describe(h)}${note}` };
  } catch {
    return null;
  }
}

interface Partition {
  readonly index: number;
  readonly offset: number;
  readonly size: number;
}

function partitions(h: TrxHeader, end: number): Partition[] {
  const used = h.offsets.map((offset, index) => ({ offset, index })).filter((p) => p.offset !== 0);
  for (const p of used) expect(p.offset >= h.headerSize && p.offset <= end, `TRX: partition ${p.index} offset ${p.offset} outside the image`);
  const sorted = [...used].sort((a, b) => a.offset - b.offset || a.index - b.index);
  return sorted.map((p, i) => ({ ...p, size: (sorted[i + 1]?.offset ?? end) - p.offset })).filter((p) => p.size > 0);
}

export function unpackTrx(src: ByteSource, ctx: UnpackContext): Unpacked {
  const h = parseTrxHeader(src);
  const end = Math.min(h.length, src.size);
  if (end < h.length) ctx.warn(`TRX: image truncated, header says ${h.length} bytes, ${src.size} present`);
  else {
    // Broadcom's crc32 starts from 0xffffffff and skips the final inversion: it is the complement of CRC-32.
    const crc = ~crc32Of(src, CRC_START, h.length - CRC_START) >>> 0;
    if (crc !== h.crc) ctx.warn(`TRX: CRC mismatch, stored 0x${h.crc.toString(16)}, computed 0x${crc.toString(16)}`);
  }
  const blobs: Blob[] = partitions(h, end).map((p) => ({
    name: `partition-${p.index}`,
    offset: p.offset,
    source: src.slice(p.offset, p.size),
    description: `TRX partition ${p.index} (${ROLES[p.index]}), ${p.size} bytes`,
  }));
  return { kind: 'blobs', blobs, length: end };
}
