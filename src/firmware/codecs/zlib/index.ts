import type { Codec } from '../types.js';
import { decompressZlib } from './codec.js';

export { decodeZlib } from './codec.js';

/** zlib streams (squashfs "gzip", cramfs, JFFS2, zisofs) through node:zlib; see readme.md. */
export const zlibCodec: Codec = { id: 'zlib', decompress: decompressZlib };
