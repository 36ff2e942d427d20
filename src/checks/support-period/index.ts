import type { Check } from '../types.js';

/** The manufacturer declares a defined support period, says where it is published, and it has not ended. */
export const supportPeriod: Check = {
  id: 'support-period',
  title: 'Defined support period declared, published and still running',
  provisions: ['5.3-13', '5.3-8'],
  severity: 'high',
  needs: ['declaration'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
