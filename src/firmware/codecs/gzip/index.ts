import type { Codec } from '../types.js';
import { decompressGzip } from './codec.js';

export { decodeGzip, parseGzipHeader, GZIP_MAGIC, type GzipResult } from './member.js';

/** gzip through node:zlib's inflater; see readme.md. */
export const gzipCodec: Codec = { id: 'gzip', decompress: decompressGzip };
