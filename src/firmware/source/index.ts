export { BufferSource, checkRange } from './buffer-source.js';
export { FileSource, SliceSource } from './file-source.js';
export { BinaryReader } from './binary-reader.js';
export { entropy } from './entropy.js';
