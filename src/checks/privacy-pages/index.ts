import type { Check } from '../types.js';

/** The privacy notice and the data deletion instructions named by the manifest are published and say what they must. */
export const privacyPages: Check = {
  id: 'privacy-pages',
  title: 'Privacy notice and data deletion instructions published',
  provisions: ['6-1', '5.11-3'],
  severity: 'medium',
  needs: ['web'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
