export type * from './types.js';
export { REPORT_SCHEMA_VERSION } from './types.js';
export type { Renderer } from './renderer.js';
export { RENDERERS, rendererFor } from './registry.js';
