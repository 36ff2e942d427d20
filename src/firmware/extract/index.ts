import type { FirmwareEvidence, Vfs } from '../types.js';
import { placements } from './layout.js';
import { writeTrees, type WriteOptions, type WriteReport } from './write.js';

export { placements, rootLayer } from './layout.js';
export type { Placement } from './plan.js';
export { writeTrees, type WriteOptions, type WriteReport } from './write.js';

/** Writes every tree of an unpacked image into `outDir` following the layout rule (see readme). */
export function writeEvidence(evidence: FirmwareEvidence, outDir: string, options: WriteOptions = {}): Promise<WriteReport> {
  return writeTrees(placements(evidence), outDir, options);
}

/** Writes one tree so that `outDir` holds exactly its contents. */
export function writeVfs(vfs: Vfs, outDir: string, options: WriteOptions = {}): Promise<WriteReport> {
  return writeTrees([{ vfs, dir: '' }], outDir, options);
}
