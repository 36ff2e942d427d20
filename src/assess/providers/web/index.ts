import type { EvidenceProvider } from '../types.js';
import { collectWeb } from './provider.js';

/**
 * The manufacturer's published pages named by the manifest (security.txt of each domain, disclosure policy,
 * support period, privacy notice, deletion instructions) and those its security.txt points to.
 */
export const webProvider: EvidenceProvider = {
  id: 'web',
  kind: 'web',
  collect: collectWeb,
};
