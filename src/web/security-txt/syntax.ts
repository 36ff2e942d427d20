/** RFC 3339 section 5.6 date-time (T and Z case-insensitive); returns the instant, or undefined when invalid. */
export function parseDateTime(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(Math.min(second, 59)).padStart(2, '0')}${m[7] ?? ''}${m[8]!.toUpperCase()}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

// RFC 3986 section 3: scheme ":" then only URI characters, with well-formed percent-encoding.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

export function isUri(value: string): boolean {
  return URI.test(value);
}

export function schemeOf(value: string): string {
  return value.slice(0, Math.max(0, value.indexOf(':'))).toLowerCase();
}

// RFC 5646 section 2.1 Language-Tag (langtag / privateuse / grandfathered).
const ALNUM = '[A-Za-z0-9]';
const LANGTAG = new RegExp(
  '^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4}|[A-Za-z]{5,8})'
  + '(?:-[A-Za-z]{4})?'
  + '(?:-(?:[A-Za-z]{2}|[0-9]{3}))?'
  + `(?:-(?:${ALNUM}{5,8}|[0-9]${ALNUM}{3}))*`
  + `(?:-[0-9A-WYZa-wyz](?:-${ALNUM}{2,8})+)*`
  + `(?:-[xX](?:-${ALNUM}{1,8})+)?$`,
);
const PRIVATE_USE = new RegExp(`^[xX](?:-${ALNUM}{1,8})+$`);
const GRANDFATHERED = new Set([
  'en-gb-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo', 'i-pwn',
  'i-tao', 'i-tay', 'i-tsu', 'sgn-be-fr', 'sgn-be-nl', 'sgn-ch-de', 'art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn',
  'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
]);

export function isLanguageTag(value: string): boolean {
  return LANGTAG.test(value) || PRIVATE_USE.test(value) || GRANDFATHERED.has(value.toLowerCase());
}

// RFC 5322 section 3.6.8: field-name = 1*ftext, ftext = %d33-57 / %d59-126.
export function isFieldName(name: string): boolean {
  return /^[\x21-\x39\x3b-\x7e]+$/.test(name);
}

/** Edit distance, for "did you mean" on misspelt field names (short strings only). */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}
