import type { Check } from '../types.js';

/** Universal default passwords: every credential store of the firmware, verified against known defaults. */
export const defaultPasswords: Check = {
  id: 'default-passwords',
  title: 'No universal default passwords in the firmware\'s credential stores',
  provisions: ['5.1-1', '5.1-2', '5.4-3'],
  severity: 'critical',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
