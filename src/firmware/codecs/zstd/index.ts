import type { Codec } from '../types.js';
import { decompressZstd } from './codec.js';

export { decodeZstd, type ZstdResult } from './codec.js';
export { walkFrame, ZSTD_MAGIC } from './frames.js';

/** Zstandard frames through the fzstd package, with our own frame walk for caps and extents; see readme.md. */
export const zstdCodec: Codec = { id: 'zstd', decompress: decompressZstd };
