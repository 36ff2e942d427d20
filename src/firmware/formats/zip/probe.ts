import type { ByteSource, Probe } from '../../types.js';
import { SIG_LOCAL } from './eocd.js';

/**
 * A zip starts with a local file header: signature, a plausible version, no reserved flag bits, a known-size
 * name that fits. The central directory is located and checked by `unpack` (which can fail cleanly).
 */
export function probeZip(src: ByteSource): Probe | null {
  if (src.size < 30 + 22) return null;
  const h = src.read(0, 30);
  if (h.readUInt32LE(0) !== SIG_LOCAL) return null;
  const version = h.readUInt16LE(4) & 0xff;
  const flags = h.readUInt16LE(6);
  const nameLen = h.readUInt16LE(26);
  if (version > 63 || flags & 0xc780 || nameLen === 0 || 30 + nameLen > src.size) return null;
  return { description: 'zip archive' };
}
