import { mask } from '../../model/index.js';
import type { Hit } from './types.js';
import { EMAIL_IN_TEXT, personalEmail, personalPhone } from './values.js';

// Single e-mail addresses and phone numbers in configuration and data files: left for review, since one
// address in a setting may be a person's (an alert recipient, a DDNS account) or an organisation's.

// Lines that credit authors or name the publisher are not user data.
const CREDIT = /copyright|\(c\)|©|author|maintainer|contributor|written by|created by|bugs?[ -]?report|report bugs|licen[cs]e|upstream|homepage|packager|signed-off-by|reviewed-by|acked-by/i;
const PHONE_KEY = /(^|["'\s.,;{])(phone|phone_?number|mobile|mobile_?number|cell_?phone|telephone|msisdn|sms_?number|sms_?phone|whatsapp)["']?[ \t]*[=:][ \t]*["']?([^"'\r\n#;,]{7,24})|(^|\s)option[ \t]+(phone|mobile|telephone|msisdn|sms_?number)[ \t]+["']?([^"'\r\n]{7,24})/i;

export function looseHits(path: string, text: string): Hit[] {
  const found: { line: number; value: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && found.length < 50; i++) {
    const l = lines[i]!;
    // Comments in configuration files are documentation (commented-out examples, credits).
    if (l.length > 2000 || CREDIT.test(l) || /^[ \t]*(#|;|\/\/|--|\*|\/\*)/.test(l)) continue;
    if (l.includes('@')) for (const m of l.matchAll(EMAIL_IN_TEXT)) if (personalEmail(m[0])) found.push({ line: i + 1, value: m[0] });
    const p = PHONE_KEY.exec(l);
    const phone = p?.[3] ?? p?.[6];
    if (phone && personalPhone(phone)) found.push({ line: i + 1, value: phone.trim() });
  }
  if (found.length === 0) return [];
  const distinct = [...new Set(found.map((f) => f.value))];
  return [{
    kind: 'loose', path, line: found[0]!.line, definite: false,
    what: `${distinct.length} e-mail address(es) or phone number(s) that may be a person's`,
    evidence: found.slice(0, 3).map((f) => `line ${f.line}: ${mask(f.value, 3)}`).join('; '),
  }];
}

const HISTORY = /^\.(bash|ash|sh|zsh|ksh|mksh|mysql|psql|sqlite|python|node_repl|rediscli|irb|lua|php)_?history$/;

/** Shell and tool histories: what someone typed, left in the image. */
export function historyHit(path: string, text: string): Hit | undefined {
  if (!HISTORY.test(path.slice(path.lastIndexOf('/') + 1))) return undefined;
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#') && l.trim() !== '_HiStOrY_V2_');
  if (lines.length === 0) return undefined;
  return {
    kind: 'history', path, line: 1, definite: true,
    what: `a history of ${lines.length} command(s) or entries someone typed`,
    evidence: lines.slice(0, 3).map((l) => mask(l.trim(), 4)).join(' | '),
  };
}
