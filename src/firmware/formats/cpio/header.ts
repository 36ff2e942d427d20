import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';

export type CpioFormat = 'newc' | 'crc' | 'odc' | 'bin-le' | 'bin-be';

/** One cpio header with the positions of its name and data inside the archive. */
export interface CpioHeader {
  readonly format: CpioFormat;
  readonly ino: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
  readonly mtime: number;
  readonly size: number;
  /** Identifies the device the inode lived on, for grouping hard links. */
  readonly dev: string;
  readonly rdevMajor: number;
  readonly rdevMinor: number;
  /** The crc format's sum of the data bytes. */
  readonly check: number;
  readonly name: Buffer;
  readonly dataPos: number;
  /** Offset of the next header (after the data and its padding). */
  readonly next: number;
}

/** Longest name accepted (PATH_MAX is 4096; headroom for odd archives). */
const MAX_NAME = 16 * 1024;

function hexField(buf: Buffer, at: number): number {
  let v = 0;
  for (let i = at; i < at + 8; i++) {
    const c = buf[i]!;
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (d < 0) throw new FormatError('cpio: header field is not hexadecimal');
    v = v * 16 + d;
  }
  return v;
}

function octalField(buf: Buffer, at: number, width: number): number {
  let v = 0;
  for (let i = at; i < at + width; i++) {
    const c = buf[i]!;
    if (c < 0x30 || c > 0x37) throw new FormatError('cpio: header field is not octal');
    v = v * 8 + (c - 0x30);
  }
  return v;
}

const align = (n: number, to: number): number => Math.ceil(n / to) * to;

/** Linux dev_t decoding (new_decode_dev), which also reads the old 8:8 encoding correctly. */
function splitDev(dev: number): { major: number; minor: number } {
  return { major: (dev & 0xfff00) >>> 8, minor: (dev & 0xff) | ((dev >>> 12) & 0xfff00) };
}

function readName(src: ByteSource, at: number, namesize: number): Buffer {
  if (namesize < 1 || namesize > MAX_NAME) throw new FormatError(`cpio: name size ${namesize} is invalid`);
  const raw = src.read(at, namesize);
  if (raw[namesize - 1] !== 0) throw new FormatError('cpio: name is not NUL-terminated');
  const name = raw.subarray(0, namesize - 1);
  if (name.includes(0)) throw new FormatError('cpio: name contains a NUL byte');
  return Buffer.from(name);
}

function newc(src: ByteSource, pos: number, format: 'newc' | 'crc'): CpioHeader {
  const h = src.read(pos, 110);
  const f = (i: number) => hexField(h, 6 + i * 8);
  const namesize = f(11);
  const size = f(6);
  const name = readName(src, pos + 110, namesize);
  const dataPos = align(pos + 110 + namesize, 4);
  return {
    format, ino: f(0), mode: f(1), uid: f(2), gid: f(3), nlink: f(4), mtime: f(5), size,
    dev: `${f(7)}:${f(8)}`, rdevMajor: f(9), rdevMinor: f(10), check: f(12), name, dataPos,
    next: align(dataPos + size, 4),
  };
}

function odc(src: ByteSource, pos: number): CpioHeader {
  const h = src.read(pos, 76);
  const o = (at: number, width = 6) => octalField(h, at, width);
  const namesize = o(59);
  const size = o(65, 11);
  const rdev = splitDev(o(42));
  const name = readName(src, pos + 76, namesize);
  const dataPos = pos + 76 + namesize;
  return {
    format: 'odc', ino: o(12), mode: o(18), uid: o(24), gid: o(30), nlink: o(36), mtime: o(48, 11), size,
    dev: String(o(6)), rdevMajor: rdev.major, rdevMinor: rdev.minor, check: 0, name, dataPos, next: dataPos + size,
  };
}

function bin(src: ByteSource, pos: number, le: boolean): CpioHeader {
  const h = src.read(pos, 26);
  const w = (i: number) => (le ? h.readUInt16LE(i * 2) : h.readUInt16BE(i * 2));
  // magic, dev, ino, mode, uid, gid, nlink, rdev, mtime (2 words), namesize, filesize (2 words)
  const namesize = w(10);
  const size = w(11) * 65536 + w(12);
  const rdev = splitDev(w(7));
  const name = readName(src, pos + 26, namesize);
  const dataPos = align(pos + 26 + namesize, 2);
  return {
    format: le ? 'bin-le' : 'bin-be', ino: w(2), mode: w(3), uid: w(4), gid: w(5), nlink: w(6),
    mtime: w(8) * 65536 + w(9), size, dev: String(w(1)), rdevMajor: rdev.major, rdevMinor: rdev.minor, check: 0,
    name, dataPos, next: align(dataPos + size, 2),
  };
}

/** Reads the header at `pos` in whichever cpio format its magic names; throws FormatError otherwise. */
export function readHeader(src: ByteSource, pos: number): CpioHeader {
  const magic = src.read(pos, Math.min(6, src.size - pos));
  const text = magic.toString('latin1');
  let header: CpioHeader;
  if (text === '070701') header = newc(src, pos, 'newc');
  else if (text === '070702') header = newc(src, pos, 'crc');
  else if (text === '070707') header = odc(src, pos);
  else if (magic.length >= 2 && magic.readUInt16LE(0) === 0o070707) header = bin(src, pos, true);
  else if (magic.length >= 2 && magic.readUInt16BE(0) === 0o070707) header = bin(src, pos, false);
  else throw new FormatError(`cpio: no header magic at 0x${pos.toString(16)}`);
  if (header.dataPos + header.size > src.size) throw new FormatError(`cpio: data of ${header.size} bytes runs past the end`);
  return header;
}
