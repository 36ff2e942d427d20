// Plain-text, CSV and Markdown tables for command output.

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  /** Right-align (numbers). */
  readonly right?: boolean;
  /** May be shortened with an ellipsis to fit the terminal. */
  readonly flexible?: boolean;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(ANSI, '').length;

/** A column-aligned table; flexible columns shrink so the table fits `width`. */
export function textTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], width = 120, paint?: (col: number, text: string, row: Row) => string): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const gap = 2;
  let total = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  for (let i = columns.length - 1; i >= 0 && total > width; i--) {
    if (!columns[i]!.flexible) continue;
    const cut = Math.min(total - width, widths[i]! - Math.max(12, columns[i]!.header.length));
    if (cut > 0) {
      widths[i]! -= cut;
      total -= cut;
    }
  }
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, Math.max(0, w - 1))}…` : s);
  const line = (values: readonly string[], row?: Row) => values.map((v, i) => {
    const text = fit(v, widths[i]!);
    const pad = ' '.repeat(Math.max(0, widths[i]! - visible(text)));
    const shown = row && paint ? paint(i, text, row) : text;
    return columns[i]!.right ? pad + shown : shown + (i === values.length - 1 ? '' : pad);
  }).join(' '.repeat(gap)).trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map((c, i) => line(c, rows[i]))].join('\n') + '\n';
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; CRLF line ends. */
export function csvTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [columns.map((c) => field(c.header)), ...rows.map((r) => columns.map((c) => field(c.value(r))))].map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** GitHub-flavoured Markdown table; pipes and line breaks inside cells are escaped. */
export function markdownTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const head = `| ${columns.map((c) => cell(c.header)).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.right ? '---:' : '---')).join(' | ')} |`;
  return [head, rule, ...rows.map((r) => `| ${columns.map((c) => cell(c.value(r))).join(' | ')} |`)].join('\n') + '\n';
}
