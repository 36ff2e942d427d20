import { PROVISIONS } from '../../catalogue/index.js';
import type { Check } from '../types.js';

/** Evidence documents named by attestations must exist and match their declared sha256. */
export const attestationEvidence: Check = {
  id: 'attestation-evidence',
  title: 'Attestation evidence documents match their declared hashes',
  provisions: PROVISIONS.map((p) => p.id),
  severity: 'medium',
  needs: ['declaration'],
  run: async (ctx) => (await import('./check.js')).run(ctx),
};
