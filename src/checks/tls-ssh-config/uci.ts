import { codeLines, unquote } from './issue.js';

// OpenWrt UCI files (/etc/config/*): `config <type> ['<name>']`, then `option <key> '<value>'` and
// `list <key> '<value>'` lines. Quotes and comments as uci(1) reads them; values are not expanded.

export interface UciValue {
  readonly value: string;
  readonly line: number;
  readonly raw: string;
}

export interface UciSection {
  readonly type: string;
  readonly name?: string;
  readonly line: number;
  readonly options: Map<string, UciValue[]>;
}

export function parseUci(text: string): UciSection[] {
  const out: UciSection[] = [];
  let cur: UciSection | undefined;
  for (const l of codeLines(text)) {
    const m = /^(config|option|list)\s+(\S+)(?:\s+(.*))?$/.exec(l.text);
    if (!m) continue;
    const [, kw, key, rest] = m;
    if (kw === 'config') {
      cur = { type: unquote(key!), line: l.line, options: new Map(), ...(rest ? { name: unquote(rest) } : {}) };
      out.push(cur);
      continue;
    }
    if (!cur || rest === undefined) continue;
    const k = unquote(key!);
    const list = cur.options.get(k) ?? [];
    const v = { value: unquote(rest), line: l.line, raw: l.raw };
    // An `option` given twice keeps the last value; a `list` collects them all.
    cur.options.set(k, kw === 'option' ? [v] : [...list, v]);
  }
  return out;
}

/** True for a listen address only this device can reach (loopback, or a local socket). */
export function isLoopback(address: string): boolean {
  const a = address.trim().toLowerCase();
  return /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)(:\d+)?$/.test(a) || a.startsWith('/') || a.startsWith('unix:');
}
