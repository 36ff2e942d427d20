import { parseGzipHeader } from '../../codecs/gzip/index.js';
import type { ByteSource, Probe } from '../../types.js';
import { head, safeProbe } from '../compression-stream.js';

/** A gzip member header that parses, with a sane XFL/OS and a deflate block type other than the reserved 3. */
export function probeGzip(src: ByteSource): Probe | null {
  return safeProbe(src, () => {
    const bytes = head(src, 4096);
    const h = parseGzipHeader(bytes, 0);
    const xfl = bytes[8]!;
    if (xfl !== 0 && xfl !== 2 && xfl !== 4) return null;
    if (h.bodyStart >= bytes.length || ((bytes[h.bodyStart]! >>> 1) & 3) === 3) return null;
    return { description: h.name ? `gzip compressed data, was "${h.name}"` : 'gzip compressed data' };
  });
}
