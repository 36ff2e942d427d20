import type { FirmwareEvidence } from '../firmware/index.js';
import { OPAQUE_ENTROPY } from '../checks/unpack-coverage/index.js';
import type { FirmwareSummary } from '../report/types.js';

/** What the report says about each image's unpacking; the full log comes from `iotcop identify --json`. */
export function summarizeFirmware(images: readonly FirmwareEvidence[]): FirmwareSummary[] {
  return images.map((fw) => ({
    image: fw.image,
    sha256: fw.log.sha256,
    size: fw.log.size,
    layers: fw.log.layers.map((l) => ({ id: l.id, format: l.format, offset: l.offset, length: l.length, ...(l.error ? { error: `${l.error.code}: ${l.error.message}` } : {}) })),
    filesystems: fw.filesystems.length,
    entries: fw.filesystems.reduce((n, vfs) => n + vfs.entries().length, 0),
    opaqueRegions: fw.log.unknown.filter((u) => u.entropy >= OPAQUE_ENTROPY).map((u) => ({ offset: u.offset, length: u.length, entropy: Math.round(u.entropy * 1000) / 1000 })),
  }));
}
