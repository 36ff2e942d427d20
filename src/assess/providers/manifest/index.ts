import type { EvidenceProvider } from '../types.js';
import { collectManifest } from './provider.js';

/** Declarations and attestations from the product manifest, with every evidence document hashed and compared. */
export const manifestProvider: EvidenceProvider = {
  id: 'manifest',
  kind: 'declaration',
  collect: collectManifest,
};
