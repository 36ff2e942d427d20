// The reviewed rule set for hard-coded credentials and API tokens. Every pattern is linear-time: no nested
// quantifiers, bounded repetitions, adjacent parts over disjoint character classes (rules.test.ts checks the
// sources and runs each rule on hostile inputs). `keywords` are literal strings looked for first (fast native
// search); a rule runs only on files that contain one. `minEntropy` (bits per character) drops placeholders.

export interface SecretRule {
  readonly id: string;
  readonly title: string;
  readonly keywords: readonly string[];
  readonly pattern: RegExp;
  /** Capture group holding the secret (0: the whole match). */
  readonly group: number;
  readonly minEntropy?: number;
  readonly severity: 'critical' | 'high' | 'medium';
}

export const RULES: readonly SecretRule[] = [
  { id: 'aws-access-key-id', title: 'AWS access key ID', keywords: ['AKIA', 'ASIA'], pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, group: 0, severity: 'high' },
  { id: 'aws-secret-key', title: 'AWS secret access key', keywords: ['aws_secret', 'AWS_SECRET', 'aws_secret_access_key', 'SecretAccessKey'], pattern: /(?:aws_?secret_?access_?key|SecretAccessKey)["']?[ \t]{0,10}[:=][ \t]{0,10}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi, group: 1, minEntropy: 3.5, severity: 'critical' },
  { id: 'github-token', title: 'GitHub token', keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b/g, group: 0, severity: 'critical' },
  { id: 'slack-token', title: 'Slack token', keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-'], pattern: /\bxox[abprs]-[0-9A-Za-z-]{10,200}/g, group: 0, severity: 'high' },
  { id: 'google-api-key', title: 'Google API key', keywords: ['AIza'], pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, group: 0, severity: 'high' },
  { id: 'stripe-secret-key', title: 'Stripe secret key', keywords: ['sk_live_', 'rk_live_'], pattern: /\b[rs]k_live_[0-9A-Za-z]{24,99}\b/g, group: 0, severity: 'critical' },
  { id: 'jwt', title: 'JSON Web Token', keywords: ['eyJ'], pattern: /\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,2000}/g, group: 0, severity: 'high' },
  { id: 'azure-connection-string', title: 'Azure IoT Hub / Storage connection string', keywords: ['SharedAccessKey=', 'AccountKey='], pattern: /(?:SharedAccessKey|AccountKey)=([A-Za-z0-9+/]{20,100}={0,2})/g, group: 1, minEntropy: 3.5, severity: 'critical' },
  { id: 'url-credentials', title: 'Credentials in a URL', keywords: ['://'], pattern: /\b(?:https?|ftp|mqtts?|amqps?|rtsp|redis|mongodb|postgres(?:ql)?|mysql|smb|ws|wss):\/\/[A-Za-z0-9._~%!$&'*+,;=-]{1,64}:([^\s@/:"'<>]{3,128})@[A-Za-z0-9.-]{1,253}/g, group: 1, minEntropy: 1.5, severity: 'high' },
  {
    id: 'generic-secret-assignment', title: 'Hard-coded password, secret or token',
    keywords: ['pass', 'PASS', 'Pass', 'secret', 'SECRET', 'Secret', 'token', 'TOKEN', 'Token', 'api_key', 'apikey', 'API_KEY', 'ApiKey', 'apiKey'],
    pattern: /(?:passw(?:or)?d|passphrase|secret|token|api_?key|access_?key|auth_?key|client_?secret)["']?[ \t]{0,10}(?:=|:|=>)[ \t]{0,10}["']([^"'\s]{8,128})["']/gi,
    group: 1, minEntropy: 3.2, severity: 'high',
  },
];

/** Values that are obviously not secrets (placeholders, format strings, variable references). */
export function isPlaceholder(value: string): boolean {
  return /^[*xX.#-]+$|^\$\{?[\w.]+\}?$|%[sd]|^<.*>$|^\{\{.*\}\}$|^(your|my|example|sample|dummy|test|changeme|placeholder|replace|enter|insert|xxx)/i.test(value)
    || /^(.)\1+$/.test(value);
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}
