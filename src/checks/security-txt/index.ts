import type { Check } from '../types.js';

/** security.txt (RFC 9116) of each declared domain: present, valid, current, and signed when it says so. */
export const securityTxt: Check = {
  id: 'security-txt',
  title: 'security.txt published and valid (RFC 9116)',
  provisions: ['5.2-1'],
  severity: 'high',
  needs: ['web'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
