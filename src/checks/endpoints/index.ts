import type { Check } from '../types.js';

/** The remote endpoints the firmware contacts: cleartext ones, and ones the manifest does not declare. */
export const endpoints: Check = {
  id: 'endpoints',
  title: 'The firmware contacts only declared endpoints, and none in cleartext',
  provisions: ['5.5-1', '5.8-1', '6-1', '6-4'],
  severity: 'medium',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
