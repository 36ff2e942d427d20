export type { SbomOptions, SbomComponent } from './types.js';
export { buildSbom, sbomOfImage, sbomJson, type CycloneDxBom, type SbomJsonComponent } from './build.js';
export { collectComponents } from './collect.js';
export { validateSbom } from './validate.js';
export { serialNumberOf, uuidV5 } from './serial.js';
