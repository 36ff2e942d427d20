export * from './catalogue/index.js';
export * from './model/index.js';
export * from './firmware/index.js';
