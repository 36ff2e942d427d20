import type { Codec } from '../types.js';
import { decompressBzip2 } from './codec.js';

export { decodeBzip2, type Bzip2Result } from './codec.js';

/** bzip2 streams with our own decoder (CRCs verified); see readme.md. */
export const bzip2Codec: Codec = { id: 'bzip2', decompress: decompressBzip2 };
