import type { EvidenceProvider } from '../types.js';
import { collectFirmware } from './provider.js';

/** Firmware images and extracted root filesystems, unpacked into filesystems the checks can walk. */
export const firmwareProvider: EvidenceProvider = {
  id: 'firmware',
  kind: 'firmware',
  collect: collectFirmware,
};
