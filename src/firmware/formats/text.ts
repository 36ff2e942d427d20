import { isUtf8 } from 'node:buffer';

/**
 * Decodes a file name stored as raw bytes in an archive. Archives written on Linux hold UTF-8 (or plain
 * ASCII) names; anything else is decoded as latin1 so that every byte survives as one character instead of
 * collapsing into U+FFFD, and two different names never decode to the same string.
 */
export function decodeName(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}

/** decodeName() of bytes[start, end), without making a view for plain ASCII names (the common case). */
export function decodeNameAt(bytes: Buffer, start: number, end: number): string {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return decodeName(bytes.subarray(start, end));
  return bytes.toString('latin1', start, end);
}

/** The bytes up to the first NUL (or all of them). */
export function untilNul(bytes: Buffer): Buffer {
  const nul = bytes.indexOf(0);
  return nul === -1 ? bytes : bytes.subarray(0, nul);
}
