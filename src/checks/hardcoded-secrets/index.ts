import type { Check } from '../types.js';

/** Hard-coded credentials and API tokens in scripts, configuration, web assets and binaries. */
export const hardcodedSecrets: Check = {
  id: 'hardcoded-secrets',
  title: 'No hard-coded credentials or API tokens in the firmware',
  provisions: ['5.4-3', '5.4-1'],
  severity: 'critical',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
