// Evaluating OpenSSL cipher strings and TLS protocol lists as servers write them (nginx ssl_ciphers, lighttpd
// ssl.cipher-list / CipherString, mosquitto ciphers, stunnel ciphers). Semantics from OpenSSL's ciphers(1):
// `:`, `,` or spaces separate items; `!X` removes X for good, `-X` removes it (later items may add it back),
// `+X` only moves, `A+B` means suites in both A and B.

/** Weak classes of cipher suites, with how a report names them. */
const LABELS = {
  null: 'NULL (unencrypted)', anon: 'anonymous (aNULL, no server authentication)', export: 'EXPORT-grade',
  low: 'LOW (56/64-bit)', rc4: 'RC4', des: 'single DES', '3des': '3DES (64-bit block, Sweet32)', md5: 'MD5-MAC',
  medium: 'MEDIUM (RC4 or 3DES, depending on the OpenSSL version)',
} as const;
export type CipherClass = keyof typeof LABELS;

const KEYWORDS: Record<string, readonly CipherClass[]> = {
  NULL: ['null'], ENULL: ['null'], COMPLEMENTOFALL: ['null'], ANULL: ['anon'], ADH: ['anon'], AECDH: ['anon'],
  EXPORT: ['export'], EXP: ['export'], EXPORT40: ['export'], EXPORT56: ['export'], LOW: ['low'], RC4: ['rc4'],
  DES: ['des'], '3DES': ['3des'], MD5: ['md5'], MEDIUM: ['medium'], RC2: ['export'],
  // ALL is every suite but the unencrypted ones: it includes DES-CBC3-SHA in every OpenSSL release up to 3.x.
  ALL: ['3des'],
};

/** Removing one of these also removes the classes listed (conservative: a removal never adds a finding). */
const BANS: Record<string, readonly CipherClass[]> = {
  LOW: ['low', 'des'], MEDIUM: ['medium', 'rc4', '3des'], ALL: Object.keys(LABELS) as CipherClass[], SSLV2: [],
};

/** The weak classes a single item selects: a keyword, or a suite name in OpenSSL or IANA spelling. */
export function classesOf(item: string): CipherClass[] {
  const out = new Set<CipherClass>();
  for (const part of item.toUpperCase().split('+')) {
    const kw = KEYWORDS[part];
    if (kw) { for (const c of kw) out.add(c); continue; }
    for (const c of suiteClasses(part)) out.add(c);
  }
  return [...out];
}

function suiteClasses(name: string): CipherClass[] {
  const out: CipherClass[] = [];
  const parts = name.split(/[-_]/);
  if (parts.includes('NULL')) out.push('null');
  if (/^(ADH|AECDH)-/.test(name) || parts.includes('ANON')) out.push('anon');
  if (/^EXP\d*-/.test(name) || parts.includes('EXPORT') || parts.includes('EXPORT40') || parts.includes('EXPORT1024')) out.push('export');
  if (parts.includes('RC4')) out.push('rc4');
  if (name.includes('DES-CBC3') || name.includes('3DES') || name.includes('DES-EDE')) out.push('3des');
  else if (parts.includes('DES') || parts.includes('DES40')) out.push('des');
  if (parts.at(-1) === 'MD5') out.push('md5');
  return out;
}

export interface CipherVerdict {
  /** Weak classes the string leaves enabled, sorted. */
  readonly weak: readonly CipherClass[];
  readonly text: string;
}

/** The weak classes an OpenSSL cipher string enables. */
export function evaluateCiphers(spec: string): CipherVerdict {
  const on = new Set<CipherClass>();
  const banned = new Set<CipherClass>();
  for (const raw of spec.split(/[:,\s]+/).filter(Boolean)) {
    if (raw.startsWith('@')) continue;
    const head = raw[0]!;
    const item = head === '!' || head === '-' || head === '+' ? raw.slice(1) : raw;
    if (head === '+') continue;
    if (head === '!' || head === '-') {
      const removed = [...classesOf(item), ...(BANS[item.toUpperCase()] ?? [])];
      for (const c of removed) { on.delete(c); if (head === '!') banned.add(c); }
      if (removed.includes('rc4') && removed.includes('3des')) { on.delete('medium'); if (head === '!') banned.add('medium'); }
      continue;
    }
    for (const c of classesOf(item)) if (!banned.has(c)) on.add(c);
  }
  const weak = [...on].sort();
  return { weak, text: weak.map((c) => LABELS[c]).join(', ') };
}

/** TLS/SSL protocol versions below TLS 1.2, in a canonical spelling, or undefined for 1.2 and later. */
export function oldProtocol(name: string): string | undefined {
  const n = name.trim().replace(/^["']|["']$/g, '').toLowerCase().replace(/_/g, '.');
  if (n === 'sslv2' || n === 'ssl2') return 'SSL 2.0';
  if (n === 'sslv3' || n === 'ssl3') return 'SSL 3.0';
  if (n === 'tlsv1' || n === 'tlsv1.0' || n === 'tls1' || n === 'tls1.0') return 'TLS 1.0';
  if (n === 'tlsv1.1' || n === 'tls1.1') return 'TLS 1.1';
  return undefined;
}

/** The old versions an OpenSSL `Protocol` command (`ALL, -SSLv3, -TLSv1`) leaves on. */
export function protocolCommand(value: string): string[] {
  const items = value.split(/[,\s]+/).filter(Boolean);
  const on = new Set<string>();
  for (const it of items) {
    const off = it.startsWith('-');
    const name = it.replace(/^[-+]/, '');
    const names = name.toUpperCase() === 'ALL' ? ['TLSv1', 'TLSv1.1'] : [name];
    for (const n of names) {
      const old = oldProtocol(n);
      if (old) { if (off) on.delete(old); else on.add(old); }
    }
  }
  return [...on].sort();
}

/** Old versions a minimum protocol (`MinProtocol TLSv1`, `sslVersionMin = TLSv1.1`) lets in. */
export function belowMinimum(min: string): string[] {
  const old = oldProtocol(min);
  if (!old) return [];
  const order = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1'];
  return order.slice(Math.max(0, order.indexOf(old)));
}

export const CIPHER_FIX = 'Allow only AEAD suites with forward secrecy, e.g. `ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL:!MD5:!RC4:!3DES`, or leave the cipher list at the defaults of a current OpenSSL.';
export const PROTOCOL_FIX = 'Allow TLS 1.2 and TLS 1.3 only.';
