import { personalRows } from './records.js';
import type { Hit } from './types.js';

// Records in text: CSV/TSV files with a header row, and JSON documents holding objects with personal fields.

const MAX_ROWS = 5000;
const MAX_NODES = 50_000;

/** Splits one CSV line on `sep`, honouring double quotes (no multi-line fields). */
function splitCsv(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === sep) { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** A CSV/TSV table: the header names columns, every data row has the same number of fields. */
export function csvHits(path: string, text: string): Hit[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const header = lines[0] ?? '';
  const sep = [',', ';', '\t', '|'].map((s) => ({ s, n: header.split(s).length })).sort((a, b) => b.n - a.n)[0]!;
  if (sep.n < 2 || !/^[\w "'.-]+$/.test(header.split(sep.s).join(''))) return [];
  const columns = splitCsv(header, sep.s);
  const rows: string[][] = [];
  const numbers: number[] = [];
  for (let i = 1; i < lines.length && rows.length < MAX_ROWS; i++) {
    if (lines[i]!.trim() === '' || lines[i]!.startsWith('#')) continue;
    const fields = splitCsv(lines[i]!, sep.s);
    if (fields.length !== columns.length) return [];
    rows.push(fields);
    numbers.push(i + 1);
  }
  const table = path.slice(path.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
  const r = personalRows(table, columns, rows, numbers);
  if (r.rows.length === 0) return [];
  return [{
    kind: 'records', path, line: r.rows[0]!.row, definite: r.definite, where: `line ${r.rows.slice(0, 5).map((x) => x.row).join(', ')}${r.rows.length > 5 ? ', ...' : ''}`,
    what: `${r.rows.length} of ${rows.length} record(s) hold a person's data`,
    evidence: r.rows.slice(0, 3).map((x) => `line ${x.row}: ${x.fields.join(', ')}`).join('; '),
  }];
}

// Objects under these keys describe software authors and publishers, not users.
const CREDITS = /^(authors?|maintainers?|contributors?|developers?|publisher|vendor|manufacturer|copyright|licen[cs]e|bugs|funding|repository|support|homepage|credits|company|organization|organisation)$/i;

/** Objects in a JSON document whose fields hold a person's data; objects sharing a parent key are one table. */
export function jsonHits(path: string, text: string): Hit[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const groups = new Map<string, { columns: string[]; rows: unknown[][] }[]>();
  let nodes = 0;
  const visit = (v: unknown, key: string, trail: string, depth: number): void => {
    if (depth > 20 || ++nodes > MAX_NODES || v === null || typeof v !== 'object' || CREDITS.test(key)) return;
    if (Array.isArray(v)) { for (const x of v) visit(x, key, `${trail}[]`, depth + 1); return; }
    const entries = Object.entries(v as Record<string, unknown>);
    const scalars = entries.filter(([, x]) => typeof x === 'string' || typeof x === 'number');
    if (scalars.length > 0) {
      const list = groups.get(trail) ?? [];
      list.push({ columns: scalars.map(([k]) => k), rows: [scalars.map(([, x]) => x)] });
      groups.set(trail, list);
    }
    for (const [k, x] of entries) visit(x, k, `${trail}.${k}`, depth + 1);
  };
  visit(doc, '', '$', 0);
  const out: Hit[] = [];
  for (const [trail, objects] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const name = trail.replace(/\[\]/g, '').split('.').pop() || path.slice(path.lastIndexOf('/') + 1).replace(/\.\w+$/, '');
    const results = objects.map((o) => personalRows(name, o.columns, o.rows));
    const personal = results.flatMap((r, i) => r.rows.map((x) => ({ ...x, row: i + 1 })));
    if (personal.length === 0) continue;
    const definite = personal.length > 1 || results.some((r) => r.definite);
    const first = personal[0]!.fields[0]!;
    const line = lineOfKey(text, first.slice(0, first.indexOf(' ')));
    out.push({
      kind: 'records', path, ...(line ? { line } : {}), definite, where: `${trail}${objects.length > 1 ? `, object ${personal.slice(0, 5).map((r) => r.row).join(', ')}` : ''}`,
      what: `${personal.length} of ${objects.length} object(s) at ${trail} hold a person's data`,
      evidence: personal.slice(0, 3).map((r) => r.fields.join(', ')).join('; '),
    });
  }
  return out;
}

function lineOfKey(text: string, key: string): number | undefined {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
