import { decodeZlib } from '../../codecs/zlib/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeZlib, ZLIB_HEADERS } from './probe.js';

/** zlib (RFC 1950) streams, common inside vendor images and carved from raw dumps. */
export const zlib: FormatPlugin = {
  id: 'zlib',
  title: 'zlib compressed data',
  kind: 'compression',
  signatures: ZLIB_HEADERS.map((magic) => ({ magic, at: 0 })),
  probe: probeZlib,
  unpack: (src, ctx) => unpackStream(src, ctx, 'zlib', (bytes, max) => {
    const r = decodeZlib(bytes, max);
    return { data: r.data, consumed: r.consumed };
  }),
};
