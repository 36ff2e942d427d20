import { RegistryError } from '../errors.js';

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. Caps rows and field length so a hostile
 * upload cannot make the parser allocate without bound.
 */
export function parseCsv(text: string, maxRows: number, maxField = 1024): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const pushField = () => {
    if (field.length > maxField) throw new RegistryError('ERR_VALIDATION', `CSV line ${rows.length + 1}: a field is longer than ${maxField} characters`);
    row.push(field);
    field = '';
  };
  const pushRow = () => {
    pushField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    if (rows.length > maxRows) throw new RegistryError('ERR_PAYLOAD_TOO_LARGE', `more than ${maxRows} CSV rows`);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      pushField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      pushRow();
    } else {
      field += c;
    }
    if (field.length > maxField) throw new RegistryError('ERR_VALIDATION', `CSV line ${rows.length + 1}: a field is longer than ${maxField} characters`);
    i++;
  }
  if (quoted) throw new RegistryError('ERR_VALIDATION', 'CSV: a quoted field is not closed');
  if (field !== '' || row.length > 0) pushRow();
  return rows;
}

/** One CSV cell; text a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const ID_COLUMNS = ['identifier', 'id', 'gtin', 'ean', 'model', 'label', 'label_id', 'product'];

/**
 * Product identifiers from a retailer's CSV: the column named identifier/gtin/model/label (first match), or the first
 * column when the first row is not a header.
 */
export function identifiersFromCsv(text: string, maxRows: number): string[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), maxRows + 1);
  if (rows.length === 0) return [];
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const column = header.findIndex((h) => ID_COLUMNS.includes(h));
  const body = column >= 0 ? rows.slice(1) : rows;
  const ids = body.map((r) => (r[Math.max(column, 0)] ?? '').trim()).filter((v) => v !== '');
  if (ids.length > maxRows) throw new RegistryError('ERR_PAYLOAD_TOO_LARGE', `more than ${maxRows} products in one check`);
  return ids;
}
