export { crackAll, DEFAULT_MAX_COST, type CrackJob, type CrackOptions, type CrackResult } from './pool.js';
