// Verifies the hash-* subnodes of a FIT image over the image data as stored (before decompression), as
// u-boot's fit_image_verify does. Results are returned so they can be logged and shown per image.
import { crc32Of, digestOf, isDigest } from '../../container/checksum.js';
import type { ByteSource } from '../../types.js';
import type { FitHash } from './images.js';

export interface HashResult {
  readonly algo: string;
  readonly status: 'ok' | 'mismatch' | 'unsupported' | 'malformed';
  readonly detail: string;
}

function computed(algo: string, src: ByteSource, offset: number, length: number): Buffer | undefined {
  if (algo === 'crc32') {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(crc32Of(src, offset, length), 0);
    return out;
  }
  return isDigest(algo) ? digestOf(algo, src, offset, length) : undefined;
}

export function verifyHash(hash: FitHash, src: ByteSource, offset: number, length: number): HashResult {
  const algo = hash.algo;
  if (!hash.value) return { algo, status: 'malformed', detail: `${hash.node} has no value` };
  const got = computed(algo, src, offset, length);
  if (!got) return { algo, status: 'unsupported', detail: `${hash.node}: algorithm "${algo}" not verified` };
  if (got.equals(hash.value)) return { algo, status: 'ok', detail: `${algo} ok` };
  return { algo, status: 'mismatch', detail: `${algo} mismatch: stored ${hash.value.toString('hex')}, computed ${got.toString('hex')}` };
}
