import type { ByteSource, Probe } from '../../types.js';
import { head, safeProbe } from '../compression-stream.js';

const BLOCK = Buffer.from([0x31, 0x41, 0x59, 0x26, 0x53, 0x59]);
const END = Buffer.from([0x17, 0x72, 0x45, 0x38, 0x50, 0x90]);

/** "BZh" + a block-size digit, then a block magic (or the end-of-stream magic of an empty stream). */
export function probeBzip2(src: ByteSource): Probe | null {
  return safeProbe(src, () => {
    const b = head(src, 10);
    if (b.length < 10 || b.toString('latin1', 0, 3) !== 'BZh' || b[3]! < 0x31 || b[3]! > 0x39) return null;
    const next = b.subarray(4, 10);
    if (!next.equals(BLOCK) && !next.equals(END)) return null;
    return { description: `bzip2 compressed data, block size ${b[3]! - 0x30}00k` };
  });
}
