// The crypt(3) base-64 alphabet and the encodings built on it. Every decoder returns undefined on a character
// outside the alphabet or on trailing garbage: settings come from untrusted firmware.

export const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const ATOI64 = new Int8Array(128).fill(-1);
for (let i = 0; i < ITOA64.length; i++) ATOI64[ITOA64.charCodeAt(i)] = i;

/** Value 0..63 of a crypt base-64 character, or -1. */
export function atoi64(code: number): number {
  return code < 128 ? ATOI64[code]! : -1;
}

/**
 * The MD5-crypt / SHA-crypt encoding: three bytes (b2, b1, b0) as a 24-bit number, `n` characters, least
 * significant six bits first.
 */
export function b64From24(b2: number, b1: number, b0: number, n: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let i = 0; i < n; i++) {
    out += ITOA64[w & 0x3f];
    w >>>= 6;
  }
  return out;
}

/** Encodes `bytes` by permuted triples, as MD5-crypt and SHA-crypt do; `order` lists byte indexes in output order. */
export function encodePermuted(bytes: Uint8Array, order: readonly (readonly [number, number, number, number])[]): string {
  let out = '';
  for (const [a, b, c, n] of order) out += b64From24(a < 0 ? 0 : bytes[a]!, b < 0 ? 0 : bytes[b]!, bytes[c]!, n);
  return out;
}

/** yescrypt's little-endian base-64 of a byte string (groups of up to three bytes, low bits first). */
export function yesEncode64(src: Uint8Array): string {
  let out = '';
  for (let i = 0; i < src.length;) {
    let value = 0;
    let bits = 0;
    do {
      value |= src[i++]! << bits;
      bits += 8;
    } while (bits < 24 && i < src.length);
    for (let b = 0; b < bits; b += 6) {
      out += ITOA64[value & 0x3f];
      value >>>= 6;
    }
  }
  return out;
}

/** Inverse of yesEncode64; undefined when a group is too short, has stray high bits or exceeds `max` bytes. */
export function yesDecode64(text: string, max: number): Uint8Array | undefined {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    let value = 0;
    let bits = 0;
    while (i < text.length && bits < 24) {
      const c = atoi64(text.charCodeAt(i));
      if (c < 0) return undefined;
      value |= c << bits;
      bits += 6;
      i++;
    }
    if (bits < 12) return undefined;
    value >>>= 0;
    while (bits >= 8) {
      out.push(value & 0xff);
      value >>>= 8;
      bits -= 8;
    }
    if (value !== 0) return undefined;
    if (out.length > max) return undefined;
  }
  return Uint8Array.from(out);
}

/**
 * yescrypt's variable-length number: the first character says how many follow. Returns the value and the
 * characters used, or undefined.
 */
export function yesDecodeUint32(text: string, at: number, min: number): { value: number; next: number } | undefined {
  let c = atoi64(text.charCodeAt(at));
  if (c < 0) return undefined;
  let start = 0;
  let end = 47;
  let chars = 1;
  let bits = 0;
  let value = min;
  while (c > end) {
    value += (end + 1 - start) * 2 ** bits;
    start = end + 1;
    end = start + Math.floor((62 - end) / 2);
    chars++;
    bits += 6;
  }
  value += (c - start) * 2 ** bits;
  let pos = at + 1;
  while (--chars > 0) {
    c = atoi64(text.charCodeAt(pos++));
    if (c < 0) return undefined;
    bits -= 6;
    value += c * 2 ** bits;
  }
  if (value > 0xffffffff) return undefined;
  return { value, next: pos };
}

/** yescrypt's fixed-width number: `bits` bits in characters of six, low bits first ($7$ settings). */
export function yesDecodeFixed(text: string, at: number, bits: number): { value: number; next: number } | undefined {
  let value = 0;
  let pos = at;
  for (let b = 0; b < bits; b += 6) {
    const c = atoi64(text.charCodeAt(pos++));
    if (c < 0) return undefined;
    value += c * 2 ** b;
  }
  return { value, next: pos };
}
