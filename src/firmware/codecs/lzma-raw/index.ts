import type { Codec } from '../types.js';
import { decompressLzmaRaw } from './codec.js';

export { DEFAULT_RAW_PROPS } from './codec.js';
export { detectLzmaRawProps, type DetectedLzma } from './detect.js';

/** Headerless LZMA1 with properties from the container (vendor squashfs, VxWorks sections); see readme.md. */
export const lzmaRawCodec: Codec = { id: 'lzma-raw', decompress: decompressLzmaRaw };
