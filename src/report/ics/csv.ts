import { visible } from '../common/text.js';

/**
 * A field per RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes doubled). A field that a
 * spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or CR; OWASP "CSV injection") gets a
 * leading apostrophe, so opening the ICS in a spreadsheet never executes report text.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${visible(value)}` : visible(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records joined with CRLF, the last one terminated too (RFC 4180 section 2). */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
