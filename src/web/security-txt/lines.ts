import { TextDecoder } from 'node:util';
import { LIMITS, type SecurityTxtProblem } from './types.js';

export interface Line {
  readonly text: string;
  /** 1-based line number in the file. */
  readonly number: number;
}

export interface Framing {
  readonly signed: boolean;
  /** The lines that carry fields: all of them, or the dash-unescaped cleartext of a signed file. */
  readonly content: readonly Line[];
  readonly problems: SecurityTxtProblem[];
}

const BEGIN_SIGNED = '-----BEGIN PGP SIGNED MESSAGE-----';
const BEGIN_SIGNATURE = '-----BEGIN PGP SIGNATURE-----';
const END_SIGNATURE = '-----END PGP SIGNATURE-----';

const problem = (rule: string, line: number, message: string, section: string, level: 'must' | 'should' = 'must'): SecurityTxtProblem =>
  ({ rule, level, line, message, section });

/** Decodes the bytes (UTF-8 only), splits lines checking their endings, and unwraps an OpenPGP cleartext signature. */
export function frame(bytes: Uint8Array): Framing {
  const problems: SecurityTxtProblem[] = [];
  if (bytes.length > LIMITS.bytes) problems.push(problem('size', 0, `the file is ${bytes.length} bytes; parsers may refuse files above ${LIMITS.bytes} bytes`, '5.4', 'should'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    problems.push(problem('utf8', lineAt(text, bad), 'the file is not valid UTF-8', '4'));
  }
  if (text.startsWith('\uFEFF')) {
    problems.push(problem('bom', 1, 'the file starts with a byte order mark, which is not Net-Unicode form (RFC 5198)', '4'));
    text = text.slice(1);
  }
  const lines = splitLines(text, problems);
  if (lines.length > LIMITS.lines) problems.push(problem('line-count', 0, `the file has ${lines.length} lines; parsers may refuse more than ${LIMITS.lines}`, '5.4', 'should'));
  const firstContent = lines.find((l) => l.text.trim() !== '');
  if (firstContent?.text === BEGIN_SIGNED) return unwrapSigned(lines, problems);
  const stray = lines.find((l) => l.text === BEGIN_SIGNATURE || l.text === BEGIN_SIGNED);
  if (stray) problems.push(problem('signature-framing', stray.number, 'OpenPGP armor found, but the file does not start with "-----BEGIN PGP SIGNED MESSAGE-----"', '2.3'));
  return { signed: false, content: lines, problems };
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Every line must end in CRLF or LF (section 2.2): a lone CR or a missing final line break is an error. */
function splitLines(text: string, problems: SecurityTxtProblem[]): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  let loneCr = false;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    const end = lf === -1 ? text.length : lf;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.includes('\r') && !loneCr) {
      problems.push(problem('line-ending', number, 'a carriage return without a line feed: lines must end in CRLF or LF', '2.2'));
      loneCr = true;
    }
    if (lf === -1) problems.push(problem('final-line-ending', number, 'the last line does not end with a line break (CRLF or LF)', '2.2'));
    lines.push({ text: line.replace(/\r/g, ''), number });
    start = end + 1;
    number++;
  }
  return lines;
}

/** RFC 4880 section 7: armor header, Hash headers, blank line, dash-escaped text, then the signature block. */
function unwrapSigned(lines: readonly Line[], problems: SecurityTxtProblem[]): Framing {
  const begin = lines.findIndex((l) => l.text === BEGIN_SIGNED);
  const leading = lines.slice(0, begin).find((l) => l.text.trim() !== '');
  if (leading) problems.push(problem('signature-framing', leading.number, 'text before the signed message is not covered by the signature', '2.3'));
  let i = begin + 1;
  let hashes = 0;
  while (i < lines.length && lines[i]!.text !== '') {
    if (!/^Hash: [A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/.test(lines[i]!.text)) {
      problems.push(problem('signature-framing', lines[i]!.number, `unexpected armor header "${lines[i]!.text.slice(0, 60)}"`, '4'));
    } else {
      hashes++;
    }
    i++;
  }
  if (hashes === 0) problems.push(problem('signature-framing', lines[begin]!.number, 'a signed security.txt needs a "Hash:" header (RFC 9116 ABNF hash-header)', '4'));
  i++; // the blank line
  const content: Line[] = [];
  for (; i < lines.length && lines[i]!.text !== BEGIN_SIGNATURE; i++) {
    const line = lines[i]!;
    if (line.text.startsWith('- ')) content.push({ text: line.text.slice(2), number: line.number });
    else if (line.text.startsWith('-')) {
      problems.push(problem('signature-framing', line.number, 'a line starting with "-" must be dash-escaped ("- -")', '4'));
      content.push(line);
    } else content.push(line);
  }
  const endIndex = lines.findIndex((l, k) => k > i && l.text === END_SIGNATURE);
  if (i >= lines.length || endIndex === -1) {
    problems.push(problem('signature-framing', lines[Math.min(i, lines.length - 1)]!.number, 'the signature block ("-----BEGIN/END PGP SIGNATURE-----") is missing or unterminated', '2.3'));
  } else {
    const trailing = lines.slice(endIndex + 1).find((l) => l.text.trim() !== '');
    if (trailing) problems.push(problem('signature-framing', trailing.number, 'text after the signature is not covered by it (it could have been added by someone else)', '5.1'));
  }
  return { signed: true, content, problems };
}
