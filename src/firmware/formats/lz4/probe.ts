import { xxh32 } from '../../codecs/lz4-frame/xxh32.js';
import type { ByteSource, Probe } from '../../types.js';
import { head, safeProbe } from '../compression-stream.js';

/** A frame descriptor with version 01, no reserved bits and a matching header checksum; or a legacy frame. */
export function probeLz4(src: ByteSource): Probe | null {
  return safeProbe(src, () => {
    const b = head(src, 19);
    if (b.length < 8) return null;
    const magic = b.readUInt32LE(0);
    if (magic === 0x184c2102) {
      const first = b.readUInt32LE(4);
      return first > 0 && first <= (8 << 20) + (8 << 20) / 255 + 16 ? { description: 'LZ4 compressed data, legacy format' } : null;
    }
    if (magic !== 0x184d2204) return null;
    const flg = b[4]!;
    const bd = b[5]!;
    if (flg >>> 6 !== 1 || flg & 0x02 || bd & 0x8f || (bd >>> 4) < 4) return null;
    const end = 6 + (flg & 0x08 ? 8 : 0) + (flg & 0x01 ? 4 : 0);
    if (b.length <= end || ((xxh32(b.subarray(4, end)) >>> 8) & 0xff) !== b[end]) return null;
    return { description: 'LZ4 compressed data, frame format' };
  });
}
