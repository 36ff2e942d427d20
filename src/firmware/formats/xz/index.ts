import { decodeXz, XZ_MAGIC } from '../../codecs/xz/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeXz } from './probe.js';

/** xz: every concatenated stream into one blob; the stream footers give the exact compressed length. */
export const xz: FormatPlugin = {
  id: 'xz',
  title: 'xz compressed data',
  kind: 'compression',
  signatures: [{ magic: XZ_MAGIC, at: 0 }],
  probe: probeXz,
  unpack: (src, ctx) => unpackStream(src, ctx, 'xz', (bytes, maxOutput) => decodeXz(bytes, { maxOutput })),
};
