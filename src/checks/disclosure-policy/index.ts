import type { Check } from '../types.js';

/** A vulnerability disclosure contact and its response times are declared (PSTI Schedule 1 para 2). */
export const disclosurePolicy: Check = {
  id: 'disclosure-policy',
  title: 'Vulnerability disclosure contact and response times declared',
  provisions: ['5.2-1'],
  severity: 'high',
  needs: ['declaration'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
