import type { Codec } from '../types.js';
import { decompressDeflate } from './codec.js';

export { decodeDeflate } from './codec.js';

/** Raw deflate (ZIP members, some vendor containers) through node:zlib; see readme.md. */
export const deflateCodec: Codec = { id: 'deflate', decompress: decompressDeflate };
