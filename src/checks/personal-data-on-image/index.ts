import type { Check } from '../types.js';

/** Personal data shipped in the image: records of people, histories, joined Wi-Fi networks with keys. */
export const personalDataOnImage: Check = {
  id: 'personal-data-on-image',
  title: 'The firmware image ships no personal data',
  provisions: ['5.11-1', '6-1'],
  severity: 'high',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
