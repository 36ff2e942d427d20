// Public API of the firmware layer: unpack an image into evidence, list it, write it to disk.
export type {
  ByteSource, EntryType, FsEntry, Vfs, UnpackLimits, UnpackContext, Probe, Unpacked, FormatPlugin, LayerRecord,
  UnknownRegion, UnpackLog, FirmwareEvidence,
} from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export { FormatError } from './errors.js';
export { FORMATS } from './formats/registry.js';
export { unpackImage, standaloneContext, type UnpackOptions, type UnpackProgress } from './unpack/index.js';
export { writeEvidence, writeVfs, placements, rootLayer, type WriteOptions, type WriteReport } from './extract/index.js';
export { MemoryVfs, DirectoryVfs } from './vfs/index.js';
export { BufferSource, FileSource } from './source/index.js';
