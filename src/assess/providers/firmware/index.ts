import type { EvidenceProvider } from '../types.js';
import { collectFirmware } from './provider.js';

/** Firmware images (given directly or named by the manifest) and extracted root filesystems, unpacked. */
export const firmwareProvider: EvidenceProvider = {
  id: 'firmware',
  kind: 'firmware',
  collect: collectFirmware,
};
