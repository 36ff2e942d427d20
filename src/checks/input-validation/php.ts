import { blankStrings, stripComment } from './lex.js';
import type { Flow, Language } from './types.js';

// PHP pages: request input is $_GET/$_POST/$_REQUEST/$_COOKIE/$_FILES, request headers in $_SERVER,
// php://input and getenv("QUERY_STRING"). Shell calls are system, exec, shell_exec, passthru, popen,
// proc_open, pcntl_exec and backticks; SQL calls are the mysqli/mysql/pg/sqlite query functions, PDO
// query/exec, and SQL statements built in strings. Escaping (escapeshellarg, real_escape_string, quote),
// conversion (intval, (int)), filters, pattern checks and prepared statements count as validation.

const SOURCE = /\$_(?:GET|POST|REQUEST|COOKIE|FILES)\b|\$_SERVER\s*\[\s*['"](?:QUERY_STRING|HTTP_\w+|REQUEST_URI|PATH_INFO|PHP_SELF)['"]|php:\/\/input|\bgetenv\s*\(\s*['"](?:QUERY_STRING|HTTP_\w+)['"]/;

export const phpLanguage: Language = {
  name: 'php',
  source: SOURCE,
  shellSink: /(?<![\w>:$])(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\(/,
  sqlSink: /\b(?:mysqli_query|mysqli_multi_query|mysql_query|mysql_db_query|pg_query|sqlite_query|sqlite_exec)\s*\(|->(?:query|multi_query|exec)\s*\(|["'][^"']{0,200}\b(?:SELECT\b[^"']{0,200}\bFROM|INSERT\s+INTO|UPDATE\b[^"']{0,200}\bSET|DELETE\s+FROM)\b/i,
  // A comparison with a literal (`$x == "1"`) yields a boolean or pins the value.
  sanitiser: /===?\s*["'\d]|\bescapeshell(?:arg|cmd)\s*\(|\bintval\s*\(|\((?:int|integer|float|bool)\)|\bfloatval\s*\(|\bfilter_(?:var|input)\s*\(|\bpreg_match\s*\(|\bis_numeric\s*\(|\bctype_\w+\s*\(|\w*real_escape_string\s*\(|->quote\s*\(|\bpg_escape_\w+\s*\(|\baddslashes\s*\(|->prepare\s*\(|\bbind_?param\w*\s*\(|\bin_array\s*\(|\bvalidate\w*\s*\(|\bsaniti[sz]e\w*\s*\(/i,
  assign: /^\s*\$(\w+)\s*\.?=(?!=)\s*(.+)$/,
  ref: (name) => new RegExp(`\\$${name}\\b`),
  code: (line) => (/^\s*(?:\/\/|#|\*|\/\*)/.test(line) ? '' : stripComment(line, ['//', '#'], '"\'')),
  extra: backticks,
};

/** The backtick operator (a shell command) with request input inside, outside string literals. */
function backticks(code: string, tainted: ReadonlyMap<string, number>): Omit<Flow, 'line' | 'code'> | undefined {
  const blank = blankStrings(code, '"\'');
  const open = blank.indexOf('`');
  const close = open >= 0 ? blank.indexOf('`', open + 1) : -1;
  if (close < 0) return undefined;
  const inner = code.slice(open + 1, close);
  const s = SOURCE.exec(inner);
  if (s) return { sink: 'shell', definite: true, via: s[0] };
  for (const m of inner.matchAll(/\$([A-Za-z_]\w*)/g)) {
    const line = tainted.get(m[1]!);
    if (line !== undefined) return { sink: 'shell', definite: false, via: `$${m[1]} (from line ${line})` };
  }
  return undefined;
}
