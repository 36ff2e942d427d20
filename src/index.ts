export * from './catalogue/index.js';
export * from './model/index.js';
