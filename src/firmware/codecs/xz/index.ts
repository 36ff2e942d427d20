import type { Codec } from '../types.js';
import { decompressXz } from './codec.js';

export { decodeXz, type XzResult } from './codec.js';
export { scanXz, XZ_MAGIC, type XzLayout } from './stream.js';

/** .xz streams (LZMA2 with BCJ/Delta filters, all check types) with our own LZMA decoder; see readme.md. */
export const xzCodec: Codec = { id: 'xz', decompress: decompressXz };
