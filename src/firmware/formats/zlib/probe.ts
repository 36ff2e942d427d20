import { inflateSync } from 'node:zlib';
import type { ByteSource, Probe } from '../../types.js';
import { head, safeProbe } from '../compression-stream.js';

/** The four header bytes zlib writes for its compression levels (CMF 0x78, FLG with valid check bits). */
export const ZLIB_HEADERS = [0x01, 0x5e, 0x9c, 0xda].map((flg) => Buffer.from([0x78, flg]));

/**
 * A zlib header (deflate, 32 KiB window, check bits, no preset dictionary) followed by data that inflates:
 * two bytes prove little, so a bounded prefix is trial-decoded; running out of input or output is fine.
 */
export function probeZlib(src: ByteSource): Probe | null {
  return safeProbe(src, () => {
    if (src.size < 8) return null;
    const bytes = head(src, 64 * 1024);
    const cmf = bytes[0]!;
    const flg = bytes[1]!;
    if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) return null;
    try {
      inflateSync(bytes, { maxOutputLength: 1024 * 1024 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'Z_BUF_ERROR' && code !== 'ERR_BUFFER_TOO_LARGE') return null;
    }
    return { description: 'zlib compressed data' };
  });
}
