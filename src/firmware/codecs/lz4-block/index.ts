import type { Codec } from '../types.js';
import { decompressLz4Block } from './codec.js';

export { decodeLz4Block } from './block.js';

/** Raw LZ4 blocks (no frame), as squashfs stores them; see readme.md. */
export const lz4BlockCodec: Codec = { id: 'lz4-block', decompress: decompressLz4Block };
