// Length of a gzip member (RFC 1952) that is followed by unrelated bytes, as in an ARM zImage where the
// compressed kernel sits between decompressor code. zlib reports how much deflate input it consumed.
import { inflateRawSync } from 'node:zlib';

const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FHCRC = 2;

function skipString(b: Buffer, at: number): number {
  const nul = b.indexOf(0, at);
  return nul === -1 ? b.length + 1 : nul + 1;
}

/** Bytes from `b[0]` to the end of the gzip member's trailer, or undefined when it does not inflate. */
export function gzipMemberLength(b: Buffer, maxOutput: number): number | undefined {
  if (b.length < 18 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return undefined;
  const flags = b[3]!;
  let at = 10;
  if (flags & FEXTRA) at += 2 + b.readUInt16LE(at);
  if (flags & FNAME) at = skipString(b, at);
  if (flags & FCOMMENT) at = skipString(b, at);
  if (flags & FHCRC) at += 2;
  if (at >= b.length) return undefined;
  try {
    const { engine } = inflateRawSync(b.subarray(at), { info: true, maxOutputLength: maxOutput }) as unknown as { engine: { bytesWritten: number } };
    const end = at + engine.bytesWritten + 8;
    return end <= b.length ? end : undefined;
  } catch {
    return undefined;
  }
}
