import type { Check } from '../types.js';

/** A factory reset that erases user data: reset scripts, button handlers, web handlers. */
export const factoryReset: Check = {
  id: 'factory-reset',
  title: 'Users can erase their data and settings with a factory reset',
  provisions: ['5.11-1'],
  severity: 'low',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
