import type { Check } from '../types.js';

/** How the firmware fetches and installs updates: transport, TLS verification, signatures, verification keys. */
export const updateMechanism: Check = {
  id: 'update-mechanism',
  title: 'Updates are fetched securely and verified before they are installed',
  provisions: ['5.3-2', '5.3-7', '5.3-9', '5.3-10', '5.7-1'],
  severity: 'critical',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
