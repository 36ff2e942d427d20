export type * from './types.js';
export { loadManifest, parseManifest, MAX_MANIFEST_BYTES, type LoadManifestOptions } from './load.js';
export { looksLikeManifest } from './detect.js';
export { validateManifestData, MANIFEST_SCHEMA_URL } from './validate.js';
export { manifestTemplate, type TemplateAnswers } from './template.js';
