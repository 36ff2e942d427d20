import { blankStrings, stripComment } from './lex.js';
import type { Flow, Language } from './types.js';

// Shell CGI scripts (busybox httpd, uhttpd, lighttpd, haserl): request input arrives in QUERY_STRING, HTTP_*
// headers, haserl's FORM_/GET_/POST_/COOKIE_ variables, or on stdin (`read`, `$(cat)`). Only eval, `sh -c`
// and awk's system() parse a value as shell code; a value used as the command word runs as a command; an
// unquoted expansion elsewhere is split into several arguments (argument injection), worth a review.

const SOURCE = /\$\{?(?:QUERY_STRING|FORM_\w+|GET_\w+|POST_\w+|COOKIE_\w+|HTTP_(?!PROXY\b)\w+|REQUEST_URI|PATH_INFO)\b|\$\(\s*cat\s*\)|\$\(\s*(?:head|dd)\b[^)]{0,80}CONTENT_LENGTH/;
const SANITISER = /\btr\s+-c?d\b|\bsed\b[^|;]{0,80}s(.)\[\^[^\]]{0,60}\]\*?\1\1|\bgrep\s+-\w*[qx]\w*\s+(?:-E\s+)?['"]?\^|\bcase\b|\bexpr\b[^;|]{0,80}\s:\s|\[\[[^\]]{0,200}=~|\bprintf\s+['"]?%[dq]\b|\s-(?:eq|ne|lt|le|gt|ge)\s|\b(?:validate|valid|is_valid|sanitize|sanitise|escape|check)_?\w*\b/i;
const COMMAND_BUILTINS = /^(echo|printf|\[|\[\[|test|case|esac|local|export|readonly|return|exit|:|true|false|shift|unset|set|read|if|then|else|elif|fi|for|do|done|while|until|break|continue|\.|source|logger)$/;

export const shellLanguage: Language = {
  name: 'shell',
  source: SOURCE,
  shellSink: /\beval\b|\b(?:sh|bash|ash|dash)\s+-c\b|\bsu\b[^;|&]{0,80}\s-c\b|\bsystem\s*\(/,
  sqlSink: /\b(?:sqlite3|mysql|psql)\b[^;|]{0,200}\b(?:SELECT|INSERT|UPDATE|DELETE|REPLACE)\b/i,
  sanitiser: SANITISER,
  assign: /^\s*(?:(?:local|export|readonly)\s+)?([A-Za-z_]\w*)=(.*)$/,
  ref: (name) => new RegExp(`\\$\\{?${name}\\b`),
  code(raw) {
    // haserl embeds shell in <% ... %> tags.
    const line = raw.replace(/^\s*<%(?:in\b)?/, '').replace(/%>\s*$/, '');
    if (/^\s*#/.test(line)) return '';
    // `read VAR` in a CGI reads the request body; rewritten as an assignment from stdin.
    const read = /^\s*read\s+(?:-[a-z]+\s+(?:\S+\s+)?)*([A-Za-z_]\w*)\s*$/.exec(line);
    if (read) return `${read[1]}=$(cat)`;
    return stripComment(line, [' #', '\t#'], '"\'');
  },
  extra: (code, tainted) => commandFromInput(code, tainted) ?? unquoted(code, tainted),
};

const refIn = (text: string, tainted: ReadonlyMap<string, number>): { via: string; direct: boolean } | undefined => {
  const s = SOURCE.exec(text);
  if (s) return { via: s[0], direct: true };
  for (const m of text.matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
    const line = tainted.get(m[1]!);
    if (line !== undefined) return { via: `$${m[1]} (from line ${line})`, direct: false };
  }
  return undefined;
};

/** Simple commands of a line: split on ; && || | and command substitutions, leading assignments dropped. */
function commands(code: string): string[] {
  const blank = blankStrings(code, "'", true);
  const parts: string[] = [];
  let start = 0;
  const re = /;|&&|\|\||\||\$\(|`|\)/g;
  for (const m of blank.matchAll(re)) {
    parts.push(code.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(code.slice(start));
  return parts.map((p) => p.trim().replace(/^(?:[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|\S*)\s+)+/, '')).filter((p) => p !== '' && !/^[A-Za-z_]\w*=/.test(p));
}

/** A command whose name is request input: `$FORM_cmd`, `` `$QUERY_STRING` ``. */
function commandFromInput(code: string, tainted: ReadonlyMap<string, number>): Omit<Flow, 'line' | 'code'> | undefined {
  for (const c of commands(code)) {
    const word = /^"?(\$\{?\w+\}?)/.exec(c)?.[1];
    const r = word ? refIn(word, tainted) : undefined;
    if (r) return { sink: 'shell', definite: r.direct, via: r.via };
  }
  return undefined;
}

/** Request input expanded without quotes as an argument of a command (word splitting, globbing). */
function unquoted(code: string, tainted: ReadonlyMap<string, number>): Omit<Flow, 'line' | 'code'> | undefined {
  for (const c of commands(code)) {
    const name = c.split(/\s+/)[0]!.replace(/^["']|["']$/g, '');
    if (COMMAND_BUILTINS.test(name)) continue;
    const outside = blankStrings(c, '"\'', true);
    const r = refIn(outside, tainted);
    if (r) return { sink: 'argument', definite: false, via: r.via };
  }
  return undefined;
}
