import { oneLine, visible } from '../common/text.js';

/**
 * Escaping for GitHub-flavoured Markdown. Report strings are untrusted (firmware file names, evidence, manifest
 * text), so they must not become links, images, raw HTML, emphasis, maths or table columns.
 */

// Characters with inline meaning in CommonMark/GFM (backslash escapes work for all ASCII punctuation).
const INLINE_SPECIAL = /[\\`*_[\]<>|~&!$@]/g;
// Line-start markers that would turn text into a heading, list, quote, rule or setext underline.
// A digit run followed by `.` or `)` starts an ordered list: the punctuation is escaped, not the digits.
const BLOCK_START = /^(\s*)([#+\-=>]|\d+(?=[.)]))([.)]?)/;

/**
 * Inline text on one line: line breaks folded to spaces, markup characters escaped, and GFM's autolink literals
 * (`scheme://`, `www.`) broken with an escape, so text from a report never becomes a clickable link.
 */
export function mdText(text: string): string {
  return oneLine(visible(text))
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(BLOCK_START, (_m, space: string, marker: string, dot: string) => /\d/.test(marker) ? `${space}${marker}\\${dot}` : `${space}\\${marker}${dot}`);
}

/** Text for a GFM table cell: escaped as inline text, with line breaks kept as `<br>`. */
export function mdCell(text: string): string {
  return visible(text).split(/\r\n|[\r\n\u2028\u2029]/).map(mdText).join('<br>');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A code span: nothing inside is interpreted. The fence is longer than any backtick run in the text. */
export function mdCode(text: string): string {
  const body = oneLine(visible(text));
  if (body === '') return '` `';
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') || body.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A code span inside a table cell: GFM splits cells on `|` before it parses code spans. */
export function mdCodeCell(text: string): string {
  return mdCode(text).replace(/\|/g, '\\|');
}

/** A fenced code block for multi-line evidence; no line of the text can close it. */
export function mdFence(text: string): string {
  const body = visible(text).replace(/\r\n?/g, '\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}text\n${body}\n${fence}`;
}

/** A GFM table; cells are given already escaped. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
