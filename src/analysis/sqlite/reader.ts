// A read-only SQLite 3 reader for what the checks need: table names, column names and rows of small
// databases (web UI user tables), written from the SQLite file format documentation (sqlite.org/fileformat).
// Every offset is bounds-checked; pages, rows and overflow chains are capped; malformed files throw RangeError.

const MAGIC = 'SQLite format 3\u0000';
const MAX_PAGES_VISITED = 20_000;
const MAX_ROWS = 10_000;

export type SqlValue = null | number | bigint | string | Buffer;

export interface SqliteTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SqlValue[])[];
}

export function isSqlite(buf: Buffer): boolean {
  return buf.length >= 100 && buf.toString('latin1', 0, 16) === MAGIC;
}

class Db {
  readonly pageSize: number;
  readonly usable: number;
  private visited = 0;

  constructor(readonly buf: Buffer) {
    const raw = buf.readUInt16BE(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0) throw new RangeError('bad page size');
    this.usable = this.pageSize - buf[20]!;
  }

  page(n: number): { base: number; hdr: number } {
    if (++this.visited > MAX_PAGES_VISITED) throw new RangeError('too many pages');
    const base = (n - 1) * this.pageSize;
    if (n < 1 || base + this.pageSize > this.buf.length) throw new RangeError(`page ${n} out of range`);
    return { base, hdr: n === 1 ? 100 : 0 };
  }

  u8(at: number): number {
    if (at >= this.buf.length) throw new RangeError('read past end');
    return this.buf[at]!;
  }

  varint(at: number): { value: number; next: number } {
    let v = 0;
    for (let i = 0; i < 9; i++) {
      const b = this.u8(at + i);
      if (i === 8) return { value: v * 256 + b, next: at + 9 };
      v = v * 128 + (b & 0x7f);
      if (b < 0x80) return { value: v, next: at + i + 1 };
    }
    return { value: v, next: at + 9 };
  }

  /** Payload of a table leaf cell, following overflow pages. */
  payload(at: number, size: number): Buffer {
    const u = this.usable;
    const x = u - 35;
    if (size <= x) return this.slice(at, size);
    const m = Math.floor(((u - 12) * 32) / 255) - 23;
    const k = m + ((size - m) % (u - 4));
    const local = k <= x ? k : m;
    const parts = [this.slice(at, local)];
    let remaining = size - local;
    let next = this.buf.readUInt32BE(this.check(at + local, 4));
    while (remaining > 0 && next !== 0) {
      const { base } = this.page(next);
      const take = Math.min(remaining, u - 4);
      parts.push(this.slice(base + 4, take));
      remaining -= take;
      next = this.buf.readUInt32BE(base);
    }
    return Buffer.concat(parts);
  }

  slice(at: number, length: number): Buffer {
    return this.buf.subarray(this.check(at, length), at + length);
  }

  check(at: number, length: number): number {
    if (at < 0 || length < 0 || at + length > this.buf.length) throw new RangeError('read past end');
    return at;
  }

  /** Every row (payload) of the table b-tree rooted at `root`. */
  rows(root: number, out: Buffer[]): void {
    const { base, hdr } = this.page(root);
    const type = this.u8(base + hdr);
    const cells = this.buf.readUInt16BE(this.check(base + hdr + 3, 2));
    const headerLen = type === 0x05 ? 12 : 8;
    for (let i = 0; i < cells && out.length < MAX_ROWS; i++) {
      const ptr = this.buf.readUInt16BE(this.check(base + hdr + headerLen + 2 * i, 2));
      const cell = base + ptr;
      if (type === 0x05) this.rows(this.buf.readUInt32BE(this.check(cell, 4)), out);
      else if (type === 0x0d) {
        const size = this.varint(cell);
        const rowid = this.varint(size.next);
        out.push(this.payload(rowid.next, size.value));
      } else throw new RangeError(`page ${root}: not a table b-tree page (type ${type})`);
    }
    if (type === 0x05) this.rows(this.buf.readUInt32BE(this.check(base + hdr + 8, 4)), out);
  }
}

/** Decodes one record (header of serial types, then values). */
export function decodeRecord(rec: Buffer): SqlValue[] {
  const db = { u8: (at: number) => { if (at >= rec.length) throw new RangeError('record past end'); return rec[at]!; } };
  const varint = (at: number) => Db.prototype.varint.call(db as unknown as Db, at);
  const h = varint(0);
  const types: number[] = [];
  for (let at = h.next; at < h.value;) { const t = varint(at); types.push(t.value); at = t.next; }
  const out: SqlValue[] = [];
  let at = h.value;
  for (const t of types) {
    const sizes = [0, 1, 2, 3, 4, 6, 8, 8, 0, 0];
    const len = t >= 12 ? Math.floor((t - 12) / 2) : sizes[t] ?? 0;
    if (at + len > rec.length) throw new RangeError('record value past end');
    const v = rec.subarray(at, at + len);
    if (t === 0) out.push(null);
    else if (t >= 1 && t <= 6) out.push(len <= 6 ? v.readIntBE(0, len) : v.readBigInt64BE(0));
    else if (t === 7) out.push(v.readDoubleBE(0));
    else if (t === 8 || t === 9) out.push(t - 8);
    else if (t >= 13 && t % 2 === 1) out.push(v.toString('utf8'));
    else out.push(Buffer.from(v));
    at += len;
  }
  return out;
}

/** Column names from a CREATE TABLE statement (constraints skipped). */
export function columnsOf(sql: string): string[] {
  const open = sql.indexOf('(');
  const close = sql.lastIndexOf(')');
  if (open < 0 || close < open) return [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of sql.slice(open + 1, close)) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim().split(/[\s(]+/)[0]!.replace(/^["`[]|["`\]]$/g, ''))
    .filter((n) => n && !/^(primary|unique|check|foreign|constraint)$/i.test(n));
}

/** Every table of the database with its rows (capped). */
export function readTables(buf: Buffer): SqliteTable[] {
  if (!isSqlite(buf)) throw new RangeError('not an SQLite 3 database');
  const db = new Db(buf);
  const master: Buffer[] = [];
  db.rows(1, master);
  const out: SqliteTable[] = [];
  for (const rec of master) {
    const [type, name, , root, sql] = decodeRecord(rec);
    if (type !== 'table' || typeof name !== 'string' || typeof root !== 'number' || typeof sql !== 'string') continue;
    const rows: Buffer[] = [];
    try {
      db.rows(root, rows);
    } catch {
      continue;
    }
    out.push({ name, columns: columnsOf(sql), rows: rows.map((r) => { try { return decodeRecord(r); } catch { return []; } }) });
  }
  return out;
}
