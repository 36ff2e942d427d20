import type { EvidenceProvider } from '../types.js';
import { collectProvisioning } from './provider.js';

/** Per-unit provisioning records (a factory CSV of serials, MAC addresses and default passwords). */
export const provisioningProvider: EvidenceProvider = {
  id: 'provisioning',
  kind: 'provisioning',
  collect: collectProvisioning,
};
