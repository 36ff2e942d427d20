import type { Check } from '../types.js';

/** The published support period page states the declared end date and names the model. */
export const supportPeriodPage: Check = {
  id: 'support-period-page',
  title: 'Support period page states the declared end date and the model',
  provisions: ['5.3-13', '5.3-16'],
  severity: 'high',
  needs: ['web'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
