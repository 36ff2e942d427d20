import { crc32 } from 'node:zlib';
import { XZ_MAGIC } from '../../codecs/xz/index.js';
import type { ByteSource, Probe } from '../../types.js';
import { head, safeProbe } from '../compression-stream.js';

/** The 12-byte stream header: magic, flags with a known check type, and a matching CRC32. */
export function probeXz(src: ByteSource): Probe | null {
  return safeProbe(src, () => {
    const b = head(src, 12);
    if (b.length < 12 || !b.subarray(0, 6).equals(XZ_MAGIC)) return null;
    if (b[6] !== 0 || b[7]! > 0x0f || crc32(b.subarray(6, 8)) !== b.readUInt32LE(8)) return null;
    const check = ['none', 'CRC32', '', '', 'CRC64', '', '', '', '', '', 'SHA-256'][b[7]!] || `check ${b[7]!}`;
    return { description: `xz compressed data, ${check}` };
  });
}
