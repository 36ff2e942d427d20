import type { Codec } from '../types.js';
import { decompressLzma } from './codec.js';

export { decodeLzma, type LzmaResult, type LzmaDecodeOptions } from './codec.js';
export { lzmaCandidates, type LzmaCandidate } from './variants.js';

/** .lzma ("LZMA alone") streams and the vendor header variants of router firmware; see readme.md. */
export const lzmaCodec: Codec = { id: 'lzma', decompress: decompressLzma };
