import { isUtf8 } from 'node:buffer';
import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import { SIG_CENTRAL, type Directory } from './eocd.js';

/** One central-directory record, with zip64 and timestamp/owner extra fields applied. */
export interface CentralEntry {
  readonly name: string;
  readonly madeBy: number;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly csize: number;
  readonly usize: number;
  readonly localOffset: number;
  readonly external: number;
  readonly mtime: number;
  readonly uid?: number;
  readonly gid?: number;
}

// Code page 437 for bytes 0x80-0xff: the encoding of names without the UTF-8 flag (APPNOTE appendix D).
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Names carry the UTF-8 flag (bit 11) or are code page 437; valid UTF-8 without the flag is read as UTF-8 too. */
function decodeZipName(raw: Buffer, flags: number): string {
  if (flags & 0x800 || isUtf8(raw)) return raw.toString('utf8');
  let s = '';
  for (const b of raw) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80]!;
  return s;
}

/** MS-DOS date and time as seconds since the epoch, read as UTC so listings do not depend on the machine. */
function dosTime(date: number, time: number): number {
  const ms = Date.UTC(1980 + (date >> 9), Math.max(((date >> 5) & 15) - 1, 0), Math.max(date & 31, 1), time >> 11, (time >> 5) & 63, (time & 31) * 2);
  return Math.floor(ms / 1000);
}

interface Mutable {
  csize: number;
  usize: number;
  localOffset: number;
  mtime: number;
  uid?: number;
  gid?: number;
}

/** Applies the extra fields that matter: zip64 sizes/offset (0x0001), unix mtime (0x5455), owner (0x7875). */
function applyExtra(extra: Buffer, e: Mutable): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    const body = extra.subarray(at + 4, Math.min(at + 4 + size, extra.length));
    at += 4 + size;
    if (id === 0x0001) {
      let p = 0;
      const next = (): number => {
        if (p + 8 > body.length) throw new FormatError('zip: zip64 extra field too short');
        const v = Number(body.readBigUInt64LE(p));
        p += 8;
        if (!Number.isSafeInteger(v)) throw new FormatError('zip: zip64 value too large');
        return v;
      };
      if (e.usize === 0xffffffff) e.usize = next();
      if (e.csize === 0xffffffff) e.csize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
    } else if (id === 0x5455 && body.length >= 5 && body[0]! & 1) {
      e.mtime = body.readInt32LE(1);
    } else if (id === 0x7875 && body.length >= 3 && body[0] === 1) {
      const uidSize = body[1]!;
      const gidSize = body[2 + uidSize];
      if (uidSize >= 1 && uidSize <= 4 && gidSize !== undefined && gidSize >= 1 && gidSize <= 4 && 3 + uidSize + gidSize <= body.length) {
        e.uid = body.readUIntLE(2, uidSize);
        e.gid = body.readUIntLE(3 + uidSize, gidSize);
      }
    }
  }
}

/** Reads every central-directory record; the count comes from the EOCD and is bounded by the directory size. */
export function readCentral(src: ByteSource, dir: Directory): CentralEntry[] {
  if (dir.entries * 46 > dir.cdSize) throw new FormatError(`zip: ${dir.entries} entries cannot fit in a ${dir.cdSize}-byte directory`);
  const cd = src.read(dir.cdOffset, dir.cdSize);
  const out: CentralEntry[] = [];
  let at = 0;
  for (let i = 0; i < dir.entries; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== SIG_CENTRAL) throw new FormatError(`zip: central directory record ${i} is missing`);
    const nameLen = cd.readUInt16LE(at + 28);
    const extraLen = cd.readUInt16LE(at + 30);
    const commentLen = cd.readUInt16LE(at + 32);
    const end = at + 46 + nameLen + extraLen + commentLen;
    if (end > cd.length) throw new FormatError(`zip: central directory record ${i} runs past the directory`);
    const flags = cd.readUInt16LE(at + 8);
    const e: Mutable = {
      csize: cd.readUInt32LE(at + 20),
      usize: cd.readUInt32LE(at + 24),
      localOffset: cd.readUInt32LE(at + 42),
      mtime: dosTime(cd.readUInt16LE(at + 14), cd.readUInt16LE(at + 12)),
    };
    applyExtra(cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen), e);
    out.push({
      ...e,
      name: decodeZipName(cd.subarray(at + 46, at + 46 + nameLen), flags),
      madeBy: cd.readUInt16LE(at + 4),
      flags,
      method: cd.readUInt16LE(at + 10),
      crc: cd.readUInt32LE(at + 16),
      external: cd.readUInt32LE(at + 38),
    });
    at = end;
  }
  return out;
}
