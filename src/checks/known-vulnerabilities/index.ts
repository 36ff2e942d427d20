import type { Check } from '../types.js';

/** The image's software components matched against the offline vulnerability database. */
export const knownVulnerabilities: Check = {
  id: 'known-vulnerabilities',
  title: 'No known vulnerabilities in the software components of the firmware',
  provisions: ['5.2-3', '5.3-8'],
  severity: 'critical',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
