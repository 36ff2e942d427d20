// A small, linear shell lexer: enough to find which commands a boot script runs. It does not evaluate
// anything; it splits lines into simple commands (on ; && || | & and newlines), honours quotes, backslash
// escapes, line continuations and comments, and keeps $(...) / `...` as opaque words.

export interface SimpleCommand {
  readonly line: number;
  readonly words: readonly string[];
  readonly background: boolean;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'exec', 'nohup', 'time', 'command', 'builtin']);

/** Splits a script into simple commands with the line each starts on. Bounded by the text's length. */
export function commandsOf(text: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let line = 1;
  let startLine = 1;
  const endWord = () => {
    if (inWord) {
      if (words.length === 0) startLine = line;
      words.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = (background: boolean) => {
    endWord();
    while (words.length > 0 && KEYWORDS.has(words[0]!)) words.shift();
    if (words.length > 0) out.push({ line: startLine, words, background });
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      if (text[i + 1] === '\n') { line++; i++; continue; }
      if (i + 1 < text.length) { word += text[i + 1]; inWord = true; i++; }
      continue;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const stop = end < 0 ? text.length : end;
      const chunk = text.slice(i + 1, stop);
      for (const ch of chunk) if (ch === '\n') line++;
      word += chunk;
      inWord = true;
      i = stop;
      continue;
    }
    if (c === '`' || (c === '$' && text[i + 1] === '(')) {
      const close = c === '`' ? text.indexOf('`', i + 1) : matchParen(text, i + 1);
      const stop = close < 0 ? text.length - 1 : close;
      for (let k = i; k <= stop; k++) if (text[k] === '\n') line++;
      word += text.slice(i, stop + 1);
      inWord = true;
      i = stop;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
      continue;
    }
    if (c === '\n') { endCommand(false); line++; continue; }
    if (c === ';' || c === '|' || c === '(' || c === ')') {
      if (text[i + 1] === c) i++;
      endCommand(false);
      continue;
    }
    if (c === '&') {
      if (text[i + 1] === '&') { i++; endCommand(false); continue; }
      if (text[i - 1] === '>' || text[i + 1] === '>') { word += c; inWord = true; continue; }
      endCommand(true);
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') { endWord(); continue; }
    word += c;
    inWord = true;
  }
  endCommand(false);
  return out;
}

/** Index of the `)` closing the `(` at `open`, or -1; nested parentheses counted. */
function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Words of a command without redirections (`>file`, `2>&1`, `< x`) and leading VAR=value assignments. */
export function argvOf(words: readonly string[]): string[] {
  const out: string[] = [];
  let skipNext = false;
  for (const w of words) {
    if (skipNext) { skipNext = false; continue; }
    if (/^\d*[<>]{1,2}&?\d*$/.test(w)) { skipNext = !/&\d$/.test(w); continue; }
    if (/^\d*[<>]{1,2}/.test(w)) continue;
    if (out.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) continue;
    out.push(w);
  }
  return out;
}
