import type { Check } from '../types.js';

/** What the firmware starts at boot, and which of it exposes the device: cleartext, debug or unauthenticated services. */
export const exposedServices: Check = {
  id: 'exposed-services',
  title: 'Only needed services start at boot; no cleartext, debug or unauthenticated ones',
  provisions: ['5.6-1', '5.6-2', '5.6-4', '5.6-5', '5.6-7', '5.5-5'],
  severity: 'critical',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
