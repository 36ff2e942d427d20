// Checksums over byte sources, read in chunks so a large payload is never held in memory just to verify it.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ByteSource } from '../types.js';

const CHUNK = 1024 * 1024;

function eachChunk(src: ByteSource, offset: number, length: number, fn: (chunk: Buffer) => void): void {
  for (let done = 0; done < length; done += CHUNK) fn(src.read(offset + done, Math.min(CHUNK, length - done)));
}

/** CRC-32 (IEEE 802.3, the zlib/u-boot/TRX polynomial) of a span of a source. */
export function crc32Of(src: ByteSource, offset = 0, length = src.size - offset): number {
  let crc = 0;
  eachChunk(src, offset, length, (chunk) => {
    crc = crc32(chunk, crc);
  });
  return crc >>> 0;
}

/** Digest algorithms that FIT hash nodes name, mapped to node:crypto names. */
const DIGESTS: Readonly<Record<string, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

export function isDigest(algo: string): boolean {
  return Object.hasOwn(DIGESTS, algo);
}

/** Digest of a span of a source with a named algorithm (md5, sha1, sha256, sha384, sha512). */
export function digestOf(algo: string, src: ByteSource, offset = 0, length = src.size - offset): Buffer {
  const name = DIGESTS[algo];
  if (name === undefined) throw new Error(`unknown digest ${algo}`);
  const hash = createHash(name);
  eachChunk(src, offset, length, (chunk) => hash.update(chunk));
  return hash.digest();
}
