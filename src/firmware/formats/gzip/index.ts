import { decodeGzip, GZIP_MAGIC } from '../../codecs/gzip/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeGzip } from './probe.js';

/** gzip: every concatenated member into one blob; the trailer gives the exact compressed length. */
export const gzip: FormatPlugin = {
  id: 'gzip',
  title: 'gzip compressed data',
  kind: 'compression',
  signatures: [{ magic: GZIP_MAGIC, at: 0 }],
  probe: probeGzip,
  unpack: (src, ctx) => unpackStream(src, ctx, 'gzip', (bytes, max) => decodeGzip(bytes, max)),
};
