export * from './verdict.js';
export * from './finding.js';
export { mask } from './mask.js';
export * from './errors.js';
export { sha256, sha256File } from './hash.js';
export { longDate, MONTHS } from './dates.js';
