import { FormatError } from '../../errors.js';

/** Pax extended header records: key to raw value bytes (values are UTF-8 text except binary xattrs). */
export type PaxRecords = Map<string, Buffer>;

/**
 * Parses `"<len> <key>=<value>\n"` records (POSIX.1-2001 pax). `len` counts the whole record including
 * its own digits; a record that does not end in a newline or runs past the data is malformed.
 */
export function parsePax(data: Buffer): PaxRecords {
  const out: PaxRecords = new Map();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break; // padding some writers leave after the last record
    const space = data.indexOf(0x20, pos);
    if (space === -1 || space - pos > 20) throw new FormatError('tar: pax record without a length');
    const len = Number(data.toString('latin1', pos, space));
    if (!Number.isSafeInteger(len) || len <= space - pos + 1 || pos + len > data.length) {
      throw new FormatError(`tar: pax record length ${data.toString('latin1', pos, space)} is invalid`);
    }
    const record = data.subarray(space + 1, pos + len);
    if (record[record.length - 1] !== 0x0a) throw new FormatError('tar: pax record does not end in a newline');
    const eq = record.indexOf(0x3d);
    if (eq <= 0) throw new FormatError('tar: pax record without a key');
    out.set(record.toString('utf8', 0, eq), record.subarray(eq + 1, record.length - 1));
    pos += len;
  }
  return out;
}

export function paxString(records: PaxRecords, key: string): string | undefined {
  return records.get(key)?.toString('utf8');
}

/** A decimal pax value (sizes, ids, times with an optional fraction); fractions are truncated to seconds. */
export function paxNumber(records: PaxRecords, key: string): number | undefined {
  const raw = paxString(records, key);
  if (raw === undefined) return undefined;
  if (!/^-?\d+(\.\d*)?$/.test(raw)) throw new FormatError(`tar: pax ${key}=${raw.slice(0, 40)} is not a number`);
  const v = Math.trunc(Number(raw));
  if (!Number.isSafeInteger(v)) throw new FormatError(`tar: pax ${key} is too large`);
  return v;
}

/** Extended attributes carried as `SCHILY.xattr.<name>` records (GNU tar and star). */
export function paxXattrs(records: PaxRecords): Record<string, Buffer> | undefined {
  let out: Record<string, Buffer> | undefined;
  for (const [key, value] of records) {
    if (!key.startsWith('SCHILY.xattr.')) continue;
    out ??= {};
    out[key.slice('SCHILY.xattr.'.length)] = Buffer.from(value);
  }
  return out;
}
