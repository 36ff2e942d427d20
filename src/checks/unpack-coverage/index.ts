import { PROVISIONS } from '../../catalogue/index.js';
import type { Check } from '../types.js';

/** Provisions whose evidence includes firmware: what an unexamined part of an image leaves open. */
export const FIRMWARE_PROVISIONS = PROVISIONS.filter((p) => p.evidence.includes('firmware')).map((p) => p.id);

/** Unknown regions at least this large and this random are reported: smaller ones are padding or tables. */
export const MIN_OPAQUE_BYTES = 64 * 1024;
/** Shannon entropy (bits per byte) above which data is compressed or encrypted. */
export const OPAQUE_ENTROPY = 7.5;

/** Parts of an image that could not be unpacked (opaque, possibly encrypted, or malformed) leave firmware checks incomplete. */
export const unpackCoverage: Check = {
  id: 'unpack-coverage',
  title: 'Every part of the firmware image could be examined',
  provisions: FIRMWARE_PROVISIONS,
  severity: 'medium',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
