import type { ByteSource, Probe } from '../../types.js';
import { readHeader, type CpioHeader } from './header.js';

const DESCRIPTIONS: Readonly<Record<CpioHeader['format'], string>> = {
  newc: 'cpio archive (SVR4 newc)',
  crc: 'cpio archive (SVR4 with CRC)',
  odc: 'cpio archive (POSIX odc)',
  'bin-le': 'cpio archive (old binary, little-endian)',
  'bin-be': 'cpio archive (old binary, big-endian)',
};

/**
 * The first header must parse completely: magic, every numeric field, a NUL-terminated name of sane
 * length, a known file type, and data that fits in the source.
 */
export function probeCpio(src: ByteSource): Probe | null {
  if (src.size < 26) return null;
  let header: CpioHeader;
  try {
    header = readHeader(src, 0);
  } catch {
    return null;
  }
  const type = header.mode & 0o170000;
  if (![0o140000, 0o120000, 0o100000, 0o060000, 0o040000, 0o020000, 0o010000].includes(type)) return null;
  if (header.name.length === 0) return null;
  return { description: DESCRIPTIONS[header.format] };
}
