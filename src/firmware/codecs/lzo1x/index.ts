import type { Codec } from '../types.js';
import { decompressLzo1x } from './codec.js';

export { decodeLzo1x } from './decoder.js';
export { decodeLzop, LZOP_MAGIC, type LzopResult } from './lzop.js';

/** LZO1X (raw, as squashfs stores it, or lzop files), our own decoder; see readme.md. */
export const lzo1xCodec: Codec = { id: 'lzo1x', decompress: decompressLzo1x };
