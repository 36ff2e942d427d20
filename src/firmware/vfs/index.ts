export { MemoryVfs, DEFAULT_READ_LIMIT, type EntryInit } from './memory-vfs.js';
export { normalizePath, parentOf, baseName, joinPath, comparePaths } from './paths.js';
export { DirectoryVfs } from './directory-vfs.js';
