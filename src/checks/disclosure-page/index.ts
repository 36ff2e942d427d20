import type { Check } from '../types.js';

/** The published vulnerability disclosure policy: reachable over HTTPS and saying how and when reporters hear back. */
export const disclosurePage: Check = {
  id: 'disclosure-page',
  title: 'Vulnerability disclosure policy page published with contact and response times',
  provisions: ['5.2-1'],
  severity: 'high',
  needs: ['web'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
