export * from './verdict.js';
export * from './finding.js';
export { mask } from './mask.js';
export * from './errors.js';
