export {
  MAX_TEXT_BYTES, MAX_BINARY_BYTES, targetsOf, readSmall, looksText, readText, isElf, lineOf, numberedLines, printableStrings, stringsAround,
  regularFiles, baseName, where, type Target,
} from './files.js';
export { readEntry, forEachFile } from './cache.js';
export { unreadImages } from './unread.js';
