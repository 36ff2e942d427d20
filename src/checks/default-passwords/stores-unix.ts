import { identifyHash } from '../../analysis/crypt/index.js';
import type { Credential, Secret } from './types.js';

// passwd and shadow, in the glibc, BusyBox and OpenWrt layouts: the password field of passwd holds a hash
// (old BusyBox builds), `x` (look in shadow), `*`/`!` (locked) or nothing (no password at all).

const NO_LOGIN = /(nologin|\/false|\/true|\/sync|\/shutdown|\/halt)$/;

export function secretOf(field: string, context: 'crypt' | 'mosquitto' = 'crypt'): Secret {
  if (field === '') return { kind: 'empty' };
  if (/^[*!]|^x$|^NP$|^LK$|^\*LK\*/.test(field)) return { kind: 'locked', raw: field };
  const stored = identifyHash(field, context);
  if (stored) return { kind: 'hash', stored, raw: field };
  return { kind: 'unknown', raw: field };
}

export interface PasswdEntry {
  readonly user: string;
  readonly field: string;
  readonly uid: number;
  readonly shell: string;
  readonly line: number;
}

export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const f = raw.replace(/\r$/, '').split(':');
    if (f.length < 7 || !/^[A-Za-z0-9_.][A-Za-z0-9_.@-]*\$?$/.test(f[0]!)) return;
    out.push({ user: f[0]!, field: f[1]!, uid: Number(f[2]), shell: f[6] ?? '', line: i + 1 });
  });
  return out;
}

export function parseShadow(text: string): { user: string; field: string; line: number }[] {
  const out: { user: string; field: string; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const f = raw.replace(/\r$/, '').split(':');
    if (f.length < 2 || !/^[A-Za-z0-9_.][A-Za-z0-9_.@-]*\$?$/.test(f[0]!)) return;
    out.push({ user: f[0]!, field: f[1]!, line: i + 1 });
  });
  return out;
}

/** Accounts of a passwd file, with shadow entries (if any) taking the place of `x`. */
export function unixCredentials(passwdPath: string, passwd: string, shadowPath: string | undefined, shadow: string | undefined): Credential[] {
  const shadowed = new Map((shadow ? parseShadow(shadow) : []).map((s) => [s.user, s]));
  const out: Credential[] = [];
  const users = new Set<string>();
  for (const p of parsePasswd(passwd)) {
    users.add(p.user);
    const loginCapable = !NO_LOGIN.test(p.shell);
    const s = shadowed.get(p.user);
    if (p.field === 'x' && s && shadowPath) {
      out.push({ store: 'shadow', path: shadowPath, line: s.line, user: p.user, secret: secretOf(s.field), purpose: 'login', loginCapable });
    } else if (p.field !== 'x') {
      out.push({ store: 'passwd', path: passwdPath, line: p.line, user: p.user, secret: secretOf(p.field), purpose: 'login', loginCapable });
    }
  }
  // Shadow entries without a passwd line cannot log in, but their hashes are still shipped secrets.
  for (const s of shadowed.values()) {
    if (!users.has(s.user) && shadowPath) out.push({ store: 'shadow', path: shadowPath, line: s.line, user: s.user, secret: secretOf(s.field), purpose: 'login', loginCapable: false });
  }
  return out;
}
