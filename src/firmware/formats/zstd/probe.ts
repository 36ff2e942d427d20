import type { ByteSource, Probe } from '../../types.js';
import { head, safeProbe } from '../compression-stream.js';

/**
 * Frame magic, a descriptor without the reserved bit or a dictionary ID (which we could not decode), a
 * window of at most 2 GiB, and a first block header with a valid type and a size of at most 128 KiB.
 */
export function probeZstd(src: ByteSource): Probe | null {
  return safeProbe(src, () => {
    const b = head(src, 32);
    if (b.length < 9 || b.readUInt32LE(0) !== 0xfd2fb528) return null;
    const fhd = b[4]!;
    if (fhd & 0x08 || fhd & 0x03) return null;
    const single = (fhd & 0x20) !== 0;
    if (!single && b[5]! >>> 3 > 21) return null;
    const fcsBytes = [single ? 1 : 0, 2, 4, 8][fhd >>> 6]!;
    const at = 5 + (single ? 0 : 1) + fcsBytes;
    if (at + 3 > b.length) return null;
    const block = b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
    if (((block >>> 1) & 3) === 3 || block >>> 3 > 128 << 10) return null;
    return { description: 'Zstandard compressed data' };
  });
}
