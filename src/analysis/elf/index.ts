export { dynamicInfo, type DynamicInfo, type DynamicSymbol } from './dynamic.js';
export { readHeader, type ElfHeader } from './header.js';
