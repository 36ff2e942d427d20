// Which single values look like a real person's data: e-mail addresses, phone numbers, names, street
// addresses and GPS positions. Conservative by design: role mailboxes, reserved and placeholder domains,
// fictional phone ranges and role names are not personal.

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@((?:[A-Za-z0-9-]{1,63}\.){1,8}([A-Za-z]{2,24}))$/;
/** E-mail addresses inside free text (bounded, linear). */
export const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}\b/g;

// Mailboxes of an organisation rather than a person (RFC 2142 and common vendor ones), and placeholder local parts.
const ROLE_LOCAL = /^(support|no-?reply|do-?not-?reply|info|admin|administrator|root|postmaster|webmaster|hostmaster|abuse|security|secure|sales|contact|help|helpdesk|service|services|privacy|dpo|gdpr|legal|bugs?|bug-[\w.+-]+|[\w.+-]+-bugs|maintainers?|devel|dev|developers?|team|feedback|marketing|press|hello|office|mail|mailer-daemon|nobody|noc|ops|user|username|test|tester|example|foo|bar|name|email|e-mail|you|your[\w.+-]*|someone|somebody|me|owner|john\.?doe|jane\.?doe|j\.doe|alice|bob|user\d*|admin\d*|nospam|spam|list|lists|announce|news|newsletter|notifications?|alerts?|reports?|system|daemon|www|www-data|ftp|hr|jobs|careers|billing|accounts|enquiries|inquiries|customer[\w.-]*|tech|technical|cert|psirt|vulnerability|vulnerabilities|disclosure|opensource|oss|licensing|license|copyright)$/i;
const PLACEHOLDER_DOMAIN = /(^|\.)(example|test|invalid|localhost|local|localdomain|lan|home\.arpa|internal|intranet|domain|yourdomain|your-domain|mydomain|my-domain|company|yourcompany|host|hostname|server|email|e-mail|mail|somewhere|nowhere|foo|bar|acme)\.[a-z]+$|^(example|test|invalid|localhost|local|lan)$|(^|\.)(example|test|invalid|localhost|local|localdomain|lan|internal)$/i;
// Mailing lists and protocol extension namespaces (`umac-64@openssh.com`) are not mailboxes of people.
const NAMESPACE_DOMAIN = /^(lists|list|lists\.[\w-]+|groups|googlegroups)\.|(^|\.)(openssh\.com|libssh\.org|googlegroups\.com|lists\.[\w.-]+|bugs\.[\w.-]+)$/i;
// Endings that are file extensions, not top-level domains (`icon@2x.png`, `lib@GLIBC.so`).
const NOT_TLD = new Set(['so', 'js', 'py', 'sh', 'gz', 'xz', 'md', 'ko', 'mo', 'po', 'pm', 'pl', 'rb', 'cc', 'hh', 'in', 'am', 'ac', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'css', 'html', 'htm', 'json', 'xml', 'txt', 'conf', 'cfg', 'ini', 'bin', 'img', 'lua', 'php', 'cgi', 'map', 'ts', 'tsx', 'jsx', 'ico', 'woff', 'ttf', 'zip', 'tar', 'bz', 'lz', 'h', 'c', 'o', 'a', 'd', 'local', 'lan', 'example', 'test', 'invalid', 'localhost', 'internal', 'service', 'socket', 'target', 'mount', 'timer', 'path', 'slice', 'scope', 'device', 'swap', 'rules', 'list', 'key', 'pub', 'pem', 'crt', 'der', 'csr', 'log', 'old', 'bak', 'tmp', 'new', 'orig', 'dat', 'db', 'sqlite']);

/** True when `addr` is an e-mail address that could be a person's (not a role mailbox or reserved domain). */
export function personalEmail(addr: string): boolean {
  const m = EMAIL.exec(addr);
  if (!m) return false;
  const local = addr.slice(0, addr.indexOf('@'));
  const domain = m[1]!.toLowerCase();
  const tld = m[2]!.toLowerCase();
  if (NOT_TLD.has(tld) || PLACEHOLDER_DOMAIN.test(domain) || NAMESPACE_DOMAIN.test(domain)) return false;
  if (ROLE_LOCAL.test(local) || /^[._%+-]|[._%+-]$|\.\./.test(local)) return false;
  // Generated or hash-like local parts (build ids, message ids) are not mailboxes of people.
  if (/^[0-9a-f]{16,}$/i.test(local) || /^\d+$/.test(local)) return false;
  return true;
}

// Ranges reserved for fiction and examples: Ofcom (UK), NANP 555-0100..0199, ACMA (Australia).
const FICTIONAL = [/^(44|0)7700900\d{3}$/, /^(44|0)1632960\d{3}$/, /^(44|0)1134960\d{3}$/, /^(44|0)2079460\d{3}$/, /^(1)?\d{3}5550[01]\d{2}$/, /^5550[01]\d{2}$/, /^(61|0)491570\d{3}$/];

/** True when `value` (from a contact-like field) is a plausible real phone number. */
export function personalPhone(value: string): boolean {
  const v = value.trim();
  if (!/^(\+|00)?[\d\s().-]{7,22}$/.test(v) || /^\d{1,3}(\.\d{1,3}){3}$/.test(v) || /^\d{4}-\d{2}-\d{2}/.test(v)) return false;
  let digits = v.replace(/\D/g, '');
  if (v.startsWith('00')) digits = digits.slice(2);
  if (digits.length < 7 || digits.length > 15) return false;
  if (/^(\d)\1+$/.test(digits) || '01234567890123456789'.includes(digits) || '98765432109876543210'.includes(digits)) return false;
  if (/^0+/.test(digits) && digits.replace(/^0+/, '').length < 6) return false;
  return !FICTIONAL.some((r) => r.test(digits));
}

const ROLE_NAME = /^(admin|administrator|root|guest|user|default|system|super ?user|super ?admin|test|tester|test user|demo|demo user|operator|installer|service|support|technician|manager|owner|viewer|visitor|anonymous|nobody|everyone|john doe|jane doe|john smith|jane smith|max mustermann|erika mustermann|first last|firstname lastname|your name|full name|new user|local user|home|office|living room|bedroom|kitchen|garage|device|camera|sensor|gateway|router|unknown|none|null|undefined)$/i;
const NAME = /^\p{Lu}[\p{Ll}'’-]{1,24}(?: \p{Lu}[\p{Ll}'’-]{1,24}){1,3}$/u;
const GIVEN = /^\p{Lu}[\p{Ll}'’-]{1,24}$/u;

/** A full name in the shape of a person's ("Ada Lovelace"), not a role. */
export function personalFullName(value: string): boolean {
  const v = value.trim();
  return NAME.test(v) && !ROLE_NAME.test(v) && !v.split(' ').some((w) => ROLE_NAME.test(w));
}

/** A single given or family name ("Ada"), not a role word. */
export function personalNamePart(value: string): boolean {
  const v = value.trim();
  return GIVEN.test(v) && !ROLE_NAME.test(v);
}

/** A street address: words and a house number ("12 Acacia Avenue"), not an IP, MAC or URL. */
export function personalStreet(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || v.length > 200 || /[:/@=]|^\d+(\.\d+)*$/.test(v)) return false;
  return /\d/.test(v) && /\p{L}{3,}/u.test(v) && /\s/.test(v);
}

function coordinate(value: unknown, limit: number): number | undefined {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^-?\d{1,3}\.\d{4,}$/.test(s)) return undefined;
  const n = Number(s);
  return Math.abs(n) <= limit ? n : undefined;
}

/** A latitude/longitude pair precise to about 10 m or better (4 decimals), not 0,0. */
export function personalPosition(lat: unknown, lon: unknown): boolean {
  const a = coordinate(lat, 90);
  const b = coordinate(lon, 180);
  return a !== undefined && b !== undefined && !(a === 0 && b === 0);
}
