import { readTables, type SqliteTable } from '../../analysis/sqlite/index.js';
import { mask } from '../../model/index.js';
import { personalRows } from './records.js';
import type { Hit } from './types.js';

// SQLite databases on the image: browser histories and cookies (Firefox, Chromium) and tables of people.

const HISTORY_TABLES: Record<string, { url: RegExp; what: string }> = {
  moz_places: { url: /^url$/i, what: 'Firefox browsing history' },
  urls: { url: /^url$/i, what: 'Chromium browsing history' },
  moz_cookies: { url: /^host$/i, what: 'Firefox cookies' },
  cookies: { url: /^host_key$/i, what: 'Chromium cookies' },
};

export function sqliteHits(path: string, buf: Buffer): Hit[] {
  let tables: SqliteTable[];
  try {
    tables = readTables(buf);
  } catch {
    return [];
  }
  const out: Hit[] = [];
  for (const t of tables) {
    const history = historyHit(path, t);
    if (history) { out.push(history); continue; }
    const r = personalRows(t.name, t.columns, t.rows);
    const rows = r.rows;
    if (rows.length === 0) continue;
    out.push({
      kind: 'records', path, where: `table ${t.name}, row ${rows.slice(0, 5).map((x) => x.row).join(', ')}${rows.length > 5 ? ', ...' : ''}`, definite: r.definite,
      what: `${rows.length} of ${t.rows.length} row(s) of table ${t.name} hold a person's data`,
      evidence: rows.slice(0, 3).map((x) => `row ${x.row}: ${x.fields.join(', ')}`).join('; '),
    });
  }
  return out;
}

function historyHit(path: string, t: SqliteTable): Hit | undefined {
  const h = HISTORY_TABLES[t.name];
  if (!h) return undefined;
  const col = t.columns.findIndex((c) => h.url.test(c));
  // A Chromium `urls` table has visit columns; a table of that name elsewhere is someone else's.
  if (col < 0 || (t.name === 'urls' && !t.columns.some((c) => /visit/.test(c)))) return undefined;
  const urls = t.rows.map((r) => r[col]).filter((u): u is string => typeof u === 'string' && u !== '' && !/^(place|about|chrome|moz-extension):/.test(u));
  if (urls.length === 0) return undefined;
  return {
    kind: 'history', path, where: `table ${t.name}`, definite: true,
    what: `${h.what}: ${urls.length} entr${urls.length === 1 ? 'y' : 'ies'}`,
    evidence: urls.slice(0, 3).map((u) => mask(u, 8)).join(', '),
  };
}
