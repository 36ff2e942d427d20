import { identifyHash } from '../../analysis/crypt/index.js';
import { secretOf } from './stores-unix.js';
import type { Credential, Secret } from './types.js';

// Web and broker credential files: htpasswd (crypt, {SHA}, plain), htdigest, BusyBox/uhttpd httpd.conf
// (`/path:user:password`), lighttpd plain user files, mosquitto password files.

function webSecret(field: string): Secret {
  if (field === '') return { kind: 'empty' };
  const s = secretOf(field);
  if (s.kind !== 'unknown') return s;
  const broker = identifyHash(field, 'mosquitto');
  if (broker) return { kind: 'hash', stored: broker, raw: field };
  // Something shaped like a crypt string that iotcop cannot verify is not a plain-text password.
  return /^\$[\w.]{1,8}\$/.test(field) ? s : { kind: 'plain', value: field };
}

/** `user:secret` per line (htpasswd, lighttpd.user, mini_httpd .htpasswd). */
export function htpasswdCredentials(path: string, text: string, store: string): Credential[] {
  const out: Credential[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.replace(/\r$/, '');
    if (!t || t.startsWith('#')) return;
    const parts = t.split(':');
    if (parts.length === 3 && /^[0-9a-f]{32}$/.test(parts[2]!)) {
      const stored = identifyHash(parts[2]!, 'htdigest', `${parts[0]!}:${parts[1]!}:`);
      if (stored) out.push({ store: 'htdigest', path, line: i + 1, user: parts[0]!, secret: { kind: 'hash', stored, raw: parts[2]! }, purpose: 'web', loginCapable: false });
      return;
    }
    const at = t.indexOf(':');
    if (at <= 0) return;
    out.push({ store, path, line: i + 1, user: t.slice(0, at), secret: webSecret(t.slice(at + 1)), purpose: 'web', loginCapable: false });
  });
  return out;
}

/** BusyBox httpd / uhttpd realm lines `/path:user:password` (password `$p$user` refers to the system account). */
export function httpdConfCredentials(path: string, text: string): Credential[] {
  const out: Credential[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^(\/[^:\s]*):([^:\s]+):(\S*)\s*$/.exec(raw.replace(/\r$/, ''));
    if (!m) return;
    const pass = m[3]!;
    if (pass.startsWith('$p$')) return;
    out.push({ store: 'httpd.conf', path, line: i + 1, user: m[2]!, secret: webSecret(pass), purpose: 'web', loginCapable: false });
  });
  return out;
}

/** mosquitto_passwd files: `user:$6$salt$hash` (SHA-512) or `user:$7$iterations$salt$hash` (PBKDF2), or plain. */
export function mosquittoCredentials(path: string, text: string): Credential[] {
  const out: Credential[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.replace(/\r$/, '');
    const at = t.indexOf(':');
    if (!t || t.startsWith('#') || at <= 0) return;
    const field = t.slice(at + 1);
    const stored = identifyHash(field, 'mosquitto');
    const secret: Secret = stored ? { kind: 'hash', stored, raw: field } : field === '' ? { kind: 'empty' } : { kind: 'plain', value: field };
    out.push({ store: 'mosquitto', path, line: i + 1, user: t.slice(0, at), secret, purpose: 'mqtt', loginCapable: false });
  });
  return out;
}

/** Files a lighttpd or mosquitto configuration names as its password file. */
export function referencedPasswordFiles(text: string): { path: string; kind: 'htpasswd' | 'plain' | 'htdigest' | 'mosquitto' }[] {
  const out: { path: string; kind: 'htpasswd' | 'plain' | 'htdigest' | 'mosquitto' }[] = [];
  for (const m of text.matchAll(/auth\.backend\.(plain|htpasswd|htdigest)\.userfile\s*=\s*"([^"]+)"/g)) out.push({ path: m[2]!, kind: m[1] as 'plain' | 'htpasswd' | 'htdigest' });
  for (const m of text.matchAll(/^[ \t]*password_file[ \t]+(\S+)/gm)) out.push({ path: m[1]!, kind: 'mosquitto' });
  return out;
}
