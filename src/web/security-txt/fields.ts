import type { Line } from './lines.js';
import { distance, isFieldName, isLanguageTag, isUri, parseDateTime, schemeOf } from './syntax.js';
import { LIMITS, type SecurityTxtField } from './types.js';

export const KNOWN_FIELDS = ['acknowledgments', 'canonical', 'contact', 'encryption', 'expires', 'hiring', 'policy', 'preferred-languages'] as const;
const URI_FIELDS = new Set(['acknowledgments', 'canonical', 'contact', 'encryption', 'hiring', 'policy']);
const SECTION: Record<string, string> = {
  acknowledgments: '2.5.1', canonical: '2.5.2', contact: '2.5.3', encryption: '2.5.4', expires: '2.5.5', hiring: '2.5.6', policy: '2.5.7', 'preferred-languages': '2.5.8',
};

type Push = (rule: string, line: number, message: string, section: string, level?: 'must' | 'should') => void;

/** Splits content lines into fields and comments, reporting every line that is neither (section 4 ABNF). */
export function readFields(lines: readonly Line[], push: Push): SecurityTxtField[] {
  const fields: SecurityTxtField[] = [];
  for (const { text, number } of lines) {
    if (text.trim() === '') continue;
    if (text.startsWith('#')) {
      if (hasControl(text)) push('comment-syntax', number, 'a comment contains control characters', '2.1');
      continue;
    }
    const colon = text.indexOf(':');
    const name = colon > 0 ? text.slice(0, colon) : '';
    if (!name || !isFieldName(name)) {
      push('field-syntax', number, /^\s/.test(text) ? 'a field line must not start with white space' : `"${text.slice(0, 60)}" is neither a field ("Name: value") nor a comment ("# ...")`, '4');
      continue;
    }
    const rest = text.slice(colon + 1);
    if (!rest.startsWith(' ') || rest.trim() === '') {
      push('field-syntax', number, rest.trim() === '' ? `the ${name} field has no value` : `the ${name} field needs exactly one space after the colon`, '4');
      if (rest.trim() === '') continue;
    }
    const value = rest.replace(/^ /, '').replace(/[ \t]+$/, '');
    if (hasControl(value)) push('field-syntax', number, `the ${name} value contains control characters`, '4');
    if (value.length > LIMITS.fieldLength) push('field-length', number, `the ${name} value is ${value.length} characters; parsers may refuse more than ${LIMITS.fieldLength}`, '5.4', 'should');
    fields.push({ name, key: name.toLowerCase(), value, line: number });
  }
  return fields;
}

/** The rules of each known field (section 2.5), including the required and at-most-once ones. */
export function checkFields(fields: readonly SecurityTxtField[], now: Date, push: Push): void {
  for (const f of fields) {
    if (URI_FIELDS.has(f.key)) checkUri(f, push);
    else if (f.key === 'expires') checkExpires(f, now, push);
    else if (f.key === 'preferred-languages') checkLanguages(f, push);
    else {
      const near = KNOWN_FIELDS.find((k) => distance(f.key, k) <= 2);
      if (near) push('unknown-field', f.line, `unknown field "${f.name}" is ignored by readers; did you mean "${titleCase(near)}"?`, '2.4', 'should');
    }
  }
  const contacts = fields.filter((f) => f.key === 'contact');
  if (contacts.length === 0) push('contact-missing', 0, 'there is no Contact field; it must always be present', '2.5.3');
  const expires = fields.filter((f) => f.key === 'expires');
  if (expires.length === 0) push('expires-missing', 0, 'there is no Expires field; it must always be present', '2.5.5');
  for (const extra of expires.slice(1)) push('expires-duplicate', extra.line, `Expires appears more than once (first on line ${expires[0]!.line})`, '2.5.5');
  const languages = fields.filter((f) => f.key === 'preferred-languages');
  for (const extra of languages.slice(1)) push('languages-duplicate', extra.line, `Preferred-Languages appears more than once (first on line ${languages[0]!.line})`, '2.5.8');
}

function checkUri(f: SecurityTxtField, push: Push): void {
  const section = SECTION[f.key]!;
  if (f.key === 'encryption' && /-----BEGIN PGP|^[A-Za-z0-9+/]{100,}={0,2}$/.test(f.value)) {
    push('encryption-inline-key', f.line, 'Encryption must point to where the key is, not contain the key', section);
    return;
  }
  if (!isUri(f.value)) {
    const hint = f.key === 'contact' && /^[^\s:@]+@[^\s@]+$/.test(f.value) ? ` (write "mailto:${f.value}")`
      : f.key === 'contact' && /^\+?[\d\s().-]{6,}$/.test(f.value) ? ' (write it as a tel: URI)' : '';
    push(`${f.key}-not-uri`, f.line, `the ${f.name} value is not a URI (RFC 3986)${hint}`, section);
    return;
  }
  const scheme = schemeOf(f.value);
  if (scheme === 'http') push(`${f.key}-not-https`, f.line, `web URIs in ${f.name} must begin with "https://"`, section);
  if (scheme === 'https' && !validHttps(f.value)) push(`${f.key}-not-uri`, f.line, `the ${f.name} value is not a valid https URL`, section);
  if (scheme === 'mailto' && !/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(f.value)) push(`${f.key}-not-uri`, f.line, `the ${f.name} value is not a valid mailto: address`, section);
  if (f.key !== 'encryption' && f.key !== 'contact' && scheme !== 'https' && scheme !== 'http') {
    push(`${f.key}-not-web`, f.line, `${f.name} should link to a web page (https)`, section, 'should');
  }
}

function validHttps(value: string): boolean {
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

function checkExpires(f: SecurityTxtField, now: Date, push: Push): void {
  const when = parseDateTime(f.value);
  if (!when) {
    push('expires-syntax', f.line, `"${f.value.slice(0, 40)}" is not an RFC 3339 date-time (e.g. 2027-06-30T23:59:59Z)`, '2.5.5');
    return;
  }
  if (when.getTime() <= now.getTime()) push('expired', f.line, `the file expired on ${when.toISOString()}: its contents are stale and must not be used`, '2.5.5');
  else if (when.getTime() - now.getTime() > 365 * 24 * 3600 * 1000) push('expires-far', f.line, `Expires is more than a year ahead (${when.toISOString()}); less than a year is recommended to avoid staleness`, '2.5.5', 'should');
}

function checkLanguages(f: SecurityTxtField, push: Push): void {
  const tags = f.value.split(/[ \t]*,[ \t]*/);
  const bad = tags.filter((t) => !isLanguageTag(t));
  if (bad.length > 0) push('languages-syntax', f.line, `not language tags (RFC 5646): ${bad.map((b) => `"${b}"`).join(', ')}`, '2.5.8');
}

export function titleCase(key: string): string {
  return key.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('-');
}

/** Control characters other than tab (section 2.1 comments, RFC 5322 unstructured values). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}
