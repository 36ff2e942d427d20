import type { Codec } from '../types.js';
import { decompressLz4Frame } from './codec.js';

export { decodeLz4Frames, type Lz4Result } from './codec.js';
export { LZ4_MAGIC, LZ4_LEGACY_MAGIC } from './frame.js';

/** LZ4 frames (the `lz4` tool's format) and the legacy format of kernel images; see readme.md. */
export const lz4FrameCodec: Codec = { id: 'lz4-frame', decompress: decompressLz4Frame };
