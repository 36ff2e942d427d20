// The x86 boot protocol's setup header (Linux Documentation/arch/x86/boot.rst): "HdrS" at 0x202, protocol
// version, setup_sects, the kernel version string pointer and, from protocol 2.08, payload_offset/length,
// which locate the compressed kernel inside the protected-mode part.
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

const HDRS = 0x53726448; // "HdrS" little-endian
const MIN_PROTOCOL = 0x208;

export interface BzImage {
  readonly protocol: string;
  readonly setupSize: number;
  /** Setup plus protected-mode part (`syssize` 16-byte paragraphs): the whole bzImage. */
  readonly length: number;
  readonly version: string | undefined;
  readonly payloadOffset: number;
  readonly payloadLength: number;
}

function versionString(src: ByteSource, pointer: number): string | undefined {
  const at = pointer + 0x200;
  if (pointer === 0 || at >= src.size) return undefined;
  const bytes = src.read(at, Math.min(256, src.size - at));
  const nul = bytes.indexOf(0);
  const text = bytes.subarray(0, nul === -1 ? bytes.length : nul).toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

export function parseBzImage(src: ByteSource): BzImage {
  expect(src.size >= 0x250, 'bzImage: shorter than the setup header');
  const r = new BinaryReader(src.read(0, 0x250), true, 'x86 setup header');
  expect(r.seek(0x202).u32() === HDRS, 'bzImage: no HdrS signature');
  const protocol = r.u16();
  expect(protocol >= MIN_PROTOCOL, `bzImage: boot protocol ${protocol.toString(16)} predates payload_offset (2.08)`);
  const pointer = r.seek(0x20e).u16();
  const setupSects = r.seek(0x1f1).u8() || 4;
  const setupSize = (setupSects + 1) * 512;
  const syssize = r.seek(0x1f4).u32();
  const payloadOffset = r.seek(0x248).u32();
  const payloadLength = r.u32();
  expect(payloadLength > 0 && setupSize + payloadOffset + payloadLength <= src.size, `bzImage: payload (${payloadLength} bytes at ${setupSize + payloadOffset}) outside the ${src.size}-byte image`);
  return {
    protocol: `${protocol >> 8}.${(protocol & 0xff).toString().padStart(2, '0')}`,
    setupSize,
    length: Math.max(setupSize + syssize * 16, setupSize + payloadOffset + payloadLength),
    version: versionString(src, pointer),
    payloadOffset: setupSize + payloadOffset,
    payloadLength,
  };
}
