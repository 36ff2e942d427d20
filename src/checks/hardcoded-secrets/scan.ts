import { lineOf, looksText, stringsAround } from '../../analysis/tree/index.js';
import { entropy, isPlaceholder, RULES, type SecretRule } from './rules.js';

// Runs the rules over one file: text files whole (with line numbers), binaries through their printable
// strings (with offsets). Bounded hits per file.

export interface SecretHit {
  readonly rule: SecretRule;
  readonly secret: string;
  readonly line?: number;
  readonly offset?: number;
  readonly context: string;
}

const MAX_HITS_PER_FILE = 10;

const KEYWORDS = new Map(RULES.map((r) => [r, r.keywords.map((k) => Buffer.from(k, 'latin1'))]));

/** Rules with a keyword in the file, and the keywords found (native searches over pre-encoded needles). */
function applicable(buf: Buffer): { rules: SecretRule[]; needles: Buffer[] } {
  const rules: SecretRule[] = [];
  const needles: Buffer[] = [];
  for (const [rule, words] of KEYWORDS) {
    const found = words.filter((w) => buf.indexOf(w) >= 0);
    if (found.length) {
      rules.push(rule);
      needles.push(...found);
    }
  }
  return { rules, needles };
}

function accept(rule: SecretRule, secret: string): boolean {
  if (isPlaceholder(secret)) return false;
  return rule.minEntropy === undefined || entropy(secret) >= rule.minEntropy;
}

export function scanFile(buf: Buffer): SecretHit[] {
  const { rules, needles } = applicable(buf);
  if (rules.length === 0) return [];
  const hits: SecretHit[] = [];
  if (looksText(buf)) {
    const text = buf.toString('latin1');
    for (const rule of rules) {
      for (const m of text.matchAll(rule.pattern)) {
        const secret = m[rule.group] ?? '';
        if (!accept(rule, secret)) continue;
        const start = text.lastIndexOf('\n', m.index) + 1;
        hits.push({ rule, secret, line: lineOf(text, m.index), context: text.slice(start, Math.min(text.length, start + 160)).split('\n')[0]! });
        if (hits.length >= MAX_HITS_PER_FILE) return hits;
      }
    }
    return hits;
  }
  for (const s of stringsAround(buf, needles, 8)) {
    for (const rule of rules) {
      for (const m of s.text.matchAll(rule.pattern)) {
        const secret = m[rule.group] ?? '';
        if (!accept(rule, secret)) continue;
        hits.push({ rule, secret, offset: s.offset + m.index, context: s.text.slice(0, 160) });
        if (hits.length >= MAX_HITS_PER_FILE) return hits;
      }
    }
  }
  return hits;
}
