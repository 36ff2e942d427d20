import { MONTHS } from '../model/index.js';

// Heuristic searches in page text: dates, durations, e-mail addresses, and sentences around key words.

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

export interface FoundDate {
  /** YYYY-MM-DD */
  readonly iso: string;
  /** As written. */
  readonly text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** Calendar dates written as 2030-03-31, 31 March 2030, 31st March 2030, March 31, 2030 or 31/03/2030 (day first, UK). */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  const push = (t: string, value: string | undefined) => { if (value) out.push({ iso: value, text: t }); };
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) push(m[0], iso(+m[1]!, +m[2]!, +m[3]!));
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'gi'))) push(m[0], iso(+m[3]!, monthIndex(m[2]!), +m[1]!));
  for (const m of text.matchAll(new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'))) push(m[0], iso(+m[3]!, monthIndex(m[1]!), +m[2]!));
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) push(m[0], iso(+m[3]!, +m[2]!, +m[1]!));
  return out;
}

export function findEmails(text: string): string[] {
  return [...new Set([...text.matchAll(/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g)].map((m) => m[0].toLowerCase()))].sort();
}

/** Sentences (or lines) that contain one of the words. */
export function sentencesWith(text: string, words: RegExp): string[] {
  return text.split(/(?<=[.!?])\s+|\n/).map((s) => s.trim()).filter((s) => s && words.test(s));
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fourteen: 14, thirty: 30 };

/** A time span in a sentence, in days: "5 working days" -> 5, "two weeks" -> 14, "48 hours" -> 2, "monthly" -> 30. */
export function spanInDays(sentence: string): number | undefined {
  const m = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty)\s*(?:\(\d+\)\s*)?(?:calendar\s+|working\s+|business\s+)?(hours?|days?|weeks?|months?)\b/i.exec(sentence);
  if (m) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()]!;
    const unit = m[2]!.toLowerCase();
    return unit.startsWith('hour') ? Math.max(1, Math.ceil(n / 24)) : unit.startsWith('week') ? n * 7 : unit.startsWith('month') ? n * 30 : n;
  }
  if (/\bdaily\b/i.test(sentence)) return 1;
  if (/\bweekly\b/i.test(sentence)) return 7;
  if (/\bfortnightly\b/i.test(sentence)) return 14;
  if (/\bmonthly\b/i.test(sentence)) return 30;
  return undefined;
}
