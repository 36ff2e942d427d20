import type { Flow, Language } from './types.js';

// A line-based taint analysis shared by the shell, Lua and PHP rules. Request input is tainted; a variable
// assigned from tainted input without a sanitiser on the same line is tainted; a variable that is ever
// checked or escaped (a sanitiser on a line that names it) is treated as validated. A flow is reported where
// a shell or SQL call names tainted input; it is definite only when the request input is read in the
// call's own statement with no sanitiser there, since only then is nothing between input and call.

const MAX_FLOWS = 50;
const MAX_LINE = 4000;
const MAX_TAINTED = 500;
const IDENT = /[A-Za-z_]\w*/g;

/** Identifiers on a line: candidates for variable references, checked against the language's pattern. */
const identifiers = (code: string): Set<string> => new Set(code.match(IDENT) ?? []);

const cut = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}...` : s);

export function flowsOf(lang: Language, text: string): Flow[] {
  const lines = text.split('\n').map((l) => lang.code(l.length > MAX_LINE ? '' : l.replace(/\r$/, '')));
  const assignments = lines.map((l) => lang.assign.exec(l));
  const validated = validatedNames(lang, lines, assignments);
  const tainted = new Map<string, number>();
  const refs = new Map<string, RegExp>();
  const refers = (name: string, text: string) => {
    let re = refs.get(name);
    if (!re) refs.set(name, (re = lang.ref(name)));
    return re.test(text);
  };
  const out: Flow[] = [];
  lines.forEach((code, i) => {
    if (code.trim() === '' || out.length >= MAX_FLOWS) return;
    const clean = lang.sanitiser.test(code);
    const a = assignments[i];
    const names = [...identifiers(code)].filter((n) => tainted.has(n) && refers(n, code));
    if (a) {
      const rhs = a[2]!;
      const fromInput = lang.source.test(rhs) || names.some((n) => n !== a[1] && refers(n, rhs));
      if (fromInput && !clean && !validated.has(a[1]!) && tainted.size < MAX_TAINTED) tainted.set(a[1]!, tainted.get(a[1]!) ?? i + 1);
    }
    if (clean) return;
    const direct = lang.source.test(code);
    const via = direct ? (lang.source.exec(code)?.[0] ?? 'request input') : names[0] ? `${names[0]} (from line ${tainted.get(names[0])})` : undefined;
    const sink = lang.shellSink.test(code) ? 'shell' : lang.sqlSink?.test(code) ? 'sql' : undefined;
    if (via && sink) { out.push({ line: i + 1, sink, definite: direct, via, code: cut(code.trim()) }); return; }
    const extra = lang.extra?.(code, tainted);
    if (extra) out.push({ ...extra, line: i + 1, code: cut(code.trim()) });
  });
  return out;
}

/**
 * Variables that are validated somewhere in the file: assigned through a sanitiser (`x = tonumber(...)`),
 * or named on a non-assignment line with a sanitiser (a guard such as `if not x:match("^%d+$")`).
 */
function validatedNames(lang: Language, lines: readonly string[], assignments: readonly (RegExpExecArray | null)[]): Set<string> {
  const names = new Set<string>();
  assignments.forEach((a) => { if (a) names.add(a[1]!); });
  const out = new Set<string>();
  lines.forEach((code, i) => {
    if (!lang.sanitiser.test(code)) return;
    const a = assignments[i];
    if (a) out.add(a[1]!);
    else for (const n of identifiers(code)) if (names.has(n) && lang.ref(n).test(code)) out.add(n);
  });
  return out;
}
