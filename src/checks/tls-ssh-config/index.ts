import type { Check } from '../types.js';

/** TLS and SSH server configuration in the firmware: protocol versions, cipher suites and SSH algorithms. */
export const tlsSshConfig: Check = {
  id: 'tls-ssh-config',
  title: 'TLS and SSH servers allow only current protocol versions, cipher suites and algorithms',
  provisions: ['5.5-1', '5.5-7'],
  severity: 'high',
  needs: ['firmware'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
