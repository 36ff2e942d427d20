import type { Check } from '../types.js';

/** Per-unit passwords from the factory's provisioning records: unique, not derived from identity, not a counter. */
export const provisionedPasswords: Check = {
  id: 'provisioned-passwords',
  title: 'Per-unit factory passwords are unique and not derived from the unit\'s identity',
  provisions: ['5.1-1', '5.1-2'],
  severity: 'critical',
  needs: ['provisioning'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
