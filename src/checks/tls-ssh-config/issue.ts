// What the configuration parsers report: one weakness at one directive, graded by how sure the finding is.

/**
 * - `broken`: the directive enables something known to be insecure (TLS < 1.2, RC4, SSH protocol 1...): fail;
 * - `weak`: discouraged, or weak only with some versions of the server or library: open question;
 * - `cleartext`: a listener that takes connections without TLS: open question.
 */
export type Grade = 'broken' | 'weak' | 'cleartext';

export interface Issue {
  /** The server whose configuration it is: nginx, lighttpd, uhttpd, mosquitto, stunnel, sshd, dropbear. */
  readonly server: string;
  readonly path: string;
  /** 1-based line of the directive, or absent for a program's string (then `offset`). */
  readonly line?: number;
  readonly offset?: number;
  /** The directive as written (trimmed, at most 200 characters). */
  readonly directive: string;
  readonly grade: Grade;
  /** What it enables, in a few words: "TLS 1.0, TLS 1.1", "RC4 and 3DES cipher suites". */
  readonly what: string;
  /** What to write instead. */
  readonly fix: string;
}

/** A configuration file that was read, and the server it configures. */
export interface Seen {
  readonly server: string;
  readonly path: string;
  /** True when the file turns TLS or SSH on (a listener, a certificate, `ssl.engine`); false for settings only. */
  readonly secure: boolean;
}

export interface Parsed {
  readonly issues: Issue[];
  readonly secure: boolean;
}

/** Lines with numbers, with a trailing comment (from `marker`, outside quotes) removed and whitespace trimmed. */
export function codeLines(text: string, markers = '#'): { line: number; text: string; raw: string }[] {
  const out: { line: number; text: string; raw: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const code = stripComment(raw, markers).trim();
    if (code) out.push({ line: i + 1, text: code, raw: raw.trim().slice(0, 200) });
  }
  return out;
}

function stripComment(line: string, markers: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (markers.includes(c)) return line.slice(0, i);
  }
  return line;
}

/** Removes one level of surrounding quotes. */
export function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.at(-1) === t[0] ? t.slice(1, -1) : t;
}
