import type { ReadLabel } from './read.js';
import type { LabelPublicKey, LabelVerification, VerifyOptions } from './types.js';
import { parseLabelUrl } from './url.js';
import { verifyLabelUrl } from './verify-url.js';
import { verifyLabel } from './verify.js';

/**
 * Verifies a label given as a PNG or SVG file (its QR code, cross-checked with the signed label in its metadata),
 * a label URL, or a bare compact JWS.
 */
export async function verifyLabelInput(input: Buffer | string, publicKeys: readonly LabelPublicKey[], options: VerifyOptions = {}): Promise<LabelVerification & { source: string }> {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const head = bytes.subarray(0, 512).toString('utf8').trimStart();
  // The image readers (PNG decoder, QR reader, resvg) load only for images.
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return fromImage((await import('./read.js')).readPng(bytes), 'PNG', publicKeys, options);
  if (head.startsWith('<')) return fromImage((await import('./read.js')).readSvg(bytes.toString('utf8')), 'SVG', publicKeys, options);
  const text = bytes.toString('utf8').trim();
  if (parseLabelUrl(text)) return { ...(await verifyLabelUrl(text, publicKeys, options)), source: 'URL' };
  return { ...(await verifyLabel(text, publicKeys, options)), source: 'JWS' };
}

async function fromImage(read: ReadLabel, kind: string, keys: readonly LabelPublicKey[], options: VerifyOptions): Promise<LabelVerification & { source: string }> {
  if (read.problem && !read.qr) return { status: 'tampered', reason: read.problem, source: kind };
  if (!read.qr) return { status: 'tampered', reason: `no readable QR code in the ${kind}`, source: kind };
  const result = await verifyLabelUrl(read.qr, keys, options);
  const scanned = parseLabelUrl(read.qr)?.jws;
  if (read.embedded && scanned && read.embedded !== scanned) {
    return { ...result, status: 'tampered', reason: `the QR code and the signed label embedded in the ${kind} differ: the image was edited`, source: `${kind} QR code` };
  }
  return { ...result, source: `${kind} QR code` };
}
