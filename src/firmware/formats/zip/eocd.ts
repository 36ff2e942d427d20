import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const EOCD_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Where the central directory is, from the end-of-central-directory record (zip64 fields applied). */
export interface Directory {
  readonly entries: number;
  readonly cdOffset: number;
  readonly cdSize: number;
  /** Bytes of the archive: up to the end of the EOCD record and its comment. */
  readonly length: number;
}

/**
 * Finds the EOCD that closes the archive starting at offset 0. The usual place is the end of the source
 * (backwards search over the comment window); when the zip was carved out of a larger blob the first EOCD
 * whose central directory checks out is taken instead, scanning forwards.
 */
export function findDirectory(src: ByteSource): Directory {
  const tailStart = Math.max(0, src.size - (0xffff + 22));
  const tail = src.read(tailStart, src.size - tailStart);
  for (let at = tail.lastIndexOf(EOCD_MAGIC); at !== -1; at = at > 0 ? tail.lastIndexOf(EOCD_MAGIC, at - 1) : -1) {
    const dir = tryEocd(src, tailStart + at);
    if (dir) return dir;
  }
  const chunk = 1024 * 1024;
  for (let start = 0; start < tailStart; start += chunk) {
    const window = src.read(start, Math.min(chunk + 3, src.size - start));
    for (let at = window.indexOf(EOCD_MAGIC); at !== -1 && at < chunk; at = window.indexOf(EOCD_MAGIC, at + 1)) {
      const dir = tryEocd(src, start + at);
      if (dir) return dir;
    }
  }
  throw new FormatError('zip: no end of central directory record');
}

function tryEocd(src: ByteSource, pos: number): Directory | undefined {
  if (pos + 22 > src.size) return undefined;
  const e = src.read(pos, 22);
  if (e.readUInt32LE(0) !== SIG_EOCD) return undefined;
  const length = Math.min(pos + 22 + e.readUInt16LE(20), src.size);
  let entries = e.readUInt16LE(10);
  let cdSize = e.readUInt32LE(12);
  let cdOffset = e.readUInt32LE(16);
  let end = pos;
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const z64 = zip64(src, pos);
    if (!z64) return undefined;
    ({ entries, cdSize, cdOffset } = z64);
    end = z64.at;
  }
  // The central directory sits right before the EOCD (or zip64) record. Requiring that, relative to offset 0,
  // rejects the EOCD of a later archive in the same blob and stubs prepended to this one (not probed as zip).
  if (cdOffset + cdSize !== end) return undefined;
  if (entries === 0 ? cdSize !== 0 : src.read(cdOffset, 4).readUInt32LE(0) !== SIG_CENTRAL) return undefined;
  return { entries, cdOffset, cdSize, length };
}

function zip64(src: ByteSource, eocdPos: number): { entries: number; cdSize: number; cdOffset: number; at: number } | undefined {
  if (eocdPos < 20) return undefined;
  const loc = src.read(eocdPos - 20, 20);
  if (loc.readUInt32LE(0) !== SIG_LOCATOR64) return undefined;
  const at = Number(loc.readBigUInt64LE(8));
  if (!Number.isSafeInteger(at) || at + 56 > eocdPos - 20) return undefined;
  const r = src.read(at, 56);
  if (r.readUInt32LE(0) !== SIG_EOCD64) return undefined;
  const entries = Number(r.readBigUInt64LE(32));
  const cdSize = Number(r.readBigUInt64LE(40));
  const cdOffset = Number(r.readBigUInt64LE(48));
  if (![entries, cdSize, cdOffset].every(Number.isSafeInteger)) return undefined;
  return { entries, cdSize, cdOffset, at };
}
