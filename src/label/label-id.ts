import { createHash } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so an id read aloud or typed from a box is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A label id derived from what identifies the label (issuer, product, batch, issue time): the same inputs give the
 * same id, different products practically never collide (50 bits), and it is short for the QR code.
 */
export function labelIdFor(parts: readonly (string | number | undefined)[]): string {
  const digest = createHash('sha256').update(parts.map((p) => (p === undefined ? '' : String(p))).join('\u0000')).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 10) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff;
    if (out.length === 10) break;
  }
  return out;
}
