import { inflateRawSync, crc32 } from 'node:zlib';
import { FormatError } from '../../errors.js';
import { inflateWith } from '../lib/node-zlib.js';

// gzip members (RFC 1952): a header with optional extra field, name, comment and header CRC, a raw deflate
// body, then CRC32 and ISIZE of the data. Members may be concatenated; the data is their concatenation.

export const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;

export interface GzipHeader {
  /** Offset of the deflate body. */
  readonly bodyStart: number;
  readonly name?: string;
  readonly mtime: number;
}

function zeroTerminated(buf: Uint8Array, pos: number): number {
  const nul = buf.indexOf(0, pos);
  if (nul === -1) throw new FormatError('gzip: header string is not terminated');
  return nul;
}

/** Parses a member header at `pos`; throws FormatError when it is not one. */
export function parseGzipHeader(buf: Uint8Array, pos: number): GzipHeader {
  if (pos + 10 > buf.length) throw new FormatError('gzip: header is truncated');
  if (buf[pos] !== 0x1f || buf[pos + 1] !== 0x8b || buf[pos + 2] !== 8) throw new FormatError('gzip: no gzip magic');
  const flags = buf[pos + 3]!;
  if (flags & 0xe0) throw new FormatError('gzip: reserved header flags are set');
  const mtime = (buf[pos + 4]! | (buf[pos + 5]! << 8) | (buf[pos + 6]! << 16) | (buf[pos + 7]! << 24)) >>> 0;
  let at = pos + 10;
  if (flags & FEXTRA) {
    if (at + 2 > buf.length) throw new FormatError('gzip: extra field is truncated');
    at += 2 + (buf[at]! | (buf[at + 1]! << 8));
  }
  let name: string | undefined;
  if (flags & FNAME) {
    const nul = zeroTerminated(buf, at);
    name = Buffer.from(buf.buffer, buf.byteOffset + at, nul - at).toString('latin1');
    at = nul + 1;
  }
  if (flags & FCOMMENT) at = zeroTerminated(buf, at) + 1;
  if (flags & FHCRC) at += 2;
  if (at > buf.length) throw new FormatError('gzip: header is truncated');
  return name === undefined ? { bodyStart: at, mtime } : { bodyStart: at, mtime, name };
}

export interface GzipResult {
  readonly data: Buffer;
  /** Input bytes spanned by the members, trailers included. */
  readonly consumed: number;
  readonly name?: string;
}

/** Decodes the gzip members at the start of `input`; bytes after the last member are left alone. */
export function decodeGzip(input: Uint8Array, maxOutput: number): GzipResult {
  const parts: Buffer[] = [];
  let total = 0;
  let pos = 0;
  let name: string | undefined;
  do {
    const header = parseGzipHeader(input, pos);
    if (pos === 0) name = header.name;
    const body = inflateWith('gzip', inflateRawSync, input.subarray(header.bodyStart), maxOutput - total);
    const trailer = header.bodyStart + body.consumed;
    if (trailer + 8 > input.length) throw new FormatError('gzip: member trailer is truncated');
    const view = Buffer.from(input.buffer, input.byteOffset + trailer, 8);
    if (view.readUInt32LE(0) !== crc32(body.data)) throw new FormatError('gzip: CRC32 does not match the data (corrupt stream)');
    if (view.readUInt32LE(4) !== body.data.length % 2 ** 32) throw new FormatError('gzip: ISIZE does not match the data length');
    parts.push(body.data);
    total += body.data.length;
    pos = trailer + 8;
  } while (pos + 10 <= input.length && input[pos] === 0x1f && input[pos + 1] === 0x8b && input[pos + 2] === 8);
  const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
  return name === undefined ? { data, consumed: pos } : { data, consumed: pos, name };
}
