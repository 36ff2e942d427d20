import type { Check } from '../types.js';

/** Web scripts and CGI programs that pass request input into shell commands or SQL without validating it. */
export const inputValidation: Check = {
  id: 'input-validation',
  title: 'Web request input is validated before it reaches commands or queries',
  provisions: ['5.13-1'],
  severity: 'high',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
