import type { Check } from '../types.js';

/** Private keys and certificates shipped in the firmware image. */
export const storedKeys: Check = {
  id: 'stored-keys',
  title: 'No private keys shared by every unit; certificates sound',
  provisions: ['5.4-1', '5.4-3', '5.4-4', '5.5-8'],
  severity: 'critical',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
