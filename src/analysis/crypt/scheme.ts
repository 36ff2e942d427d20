import { createHash, pbkdf2Sync, scryptSync, timingSafeEqual } from 'node:crypto';
import { bcryptCost, bcryptVerify } from './bcrypt.js';
import { desCrypt, isDesCrypt } from './des-crypt.js';
import { md5Crypt } from './md5-crypt.js';
import { parseShaSetting, shaCrypt } from './sha-crypt.js';
import { yesEncode64 as yescryptEncode } from './alphabet.js';
import { parseYescryptSetting, yescryptCrypt } from './yescrypt-setting.js';
import { yescryptMemory } from './yescrypt.js';

// Recognises a stored password hash and verifies candidates against it. `context` tells formats that reuse a
// crypt prefix with another meaning apart (mosquitto's `$6$` is salted SHA-512 in standard base 64, its `$7$`
// is PBKDF2-SHA512; in /etc/shadow they are SHA-crypt and scrypt).

export type SchemeId =
  | 'des' | 'md5' | 'apr1' | 'sha256' | 'sha512' | 'bcrypt' | 'yescrypt' | 'scrypt'
  | 'htpasswd-sha1' | 'mosquitto-sha512' | 'mosquitto-pbkdf2' | 'htdigest-md5';

export interface StoredHash {
  readonly scheme: SchemeId;
  readonly hash: string;
  /** Rough cost of one verification relative to one MD5-crypt (about 1 ms in this code). */
  readonly cost: number;
  /** `htdigest-md5` hashes `user:realm:password`; the prefix `user:realm:` is carried here. */
  readonly prefix?: string;
}

export interface VerifyOptions {
  /** Largest memory a memory-hard hash may use (yescrypt, scrypt). */
  readonly maxMemory: number;
  /** Called during long computations; throws to give up. */
  readonly tick?: () => void;
}

export const DEFAULT_MAX_MEMORY = 256 * 1024 * 1024;

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Identifies `hash`; undefined when it is not a hash iotcop can verify (locked, plain text, unknown). */
export function identifyHash(hash: string, context: 'crypt' | 'mosquitto' | 'htdigest' = 'crypt', prefix?: string): StoredHash | undefined {
  if (context === 'mosquitto') {
    if (/^\$6\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/.test(hash)) return { scheme: 'mosquitto-sha512', hash, cost: 0.01 };
    const m = /^\$7\$(\d{1,7})\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/.exec(hash);
    if (m) return { scheme: 'mosquitto-pbkdf2', hash, cost: Number(m[1]) / 1000 };
  }
  if (context === 'htdigest' && /^[0-9a-f]{32}$/.test(hash) && prefix) return { scheme: 'htdigest-md5', hash, cost: 0.01, prefix };
  if (/^\{SHA\}[A-Za-z0-9+/]{27}=$/.test(hash)) return { scheme: 'htpasswd-sha1', hash, cost: 0.01 };
  if (/^\$1\$[^$]{0,8}\$[./0-9A-Za-z]{22}$/.test(hash)) return { scheme: 'md5', hash, cost: 1 };
  if (/^\$apr1\$[^$]{0,8}\$[./0-9A-Za-z]{22}$/.test(hash)) return { scheme: 'apr1', hash, cost: 1 };
  const sha = parseShaSetting(hash);
  if (sha && /\$[./0-9A-Za-z]{43}$|\$[./0-9A-Za-z]{86}$/.test(hash)) {
    return { scheme: sha.variant === '5' ? 'sha256' : 'sha512', hash, cost: (sha.rounds / 5000) * 5 };
  }
  const cost = bcryptCost(hash);
  if (cost !== undefined) return { scheme: 'bcrypt', hash, cost: 2 ** cost / 2 };
  const yes = parseYescryptSetting(hash);
  if (yes && /\$[./0-9A-Za-z]{43}$/.test(hash)) {
    return { scheme: yes.prefix === '$7$' ? 'scrypt' : 'yescrypt', hash, cost: yescryptMemory(yes.params) / 4096 };
  }
  if (isDesCrypt(hash)) return { scheme: 'des', hash, cost: 0.1 };
  return undefined;
}

function verifyMosquitto(h: StoredHash, password: Buffer): boolean {
  const [, , a, b, c] = h.hash.split('$');
  if (h.scheme === 'mosquitto-sha512') {
    const digest = createHash('sha512').update(password).update(Buffer.from(a!, 'base64')).digest('base64');
    return equal(digest, b!);
  }
  const derived = pbkdf2Sync(password, Buffer.from(b!, 'base64'), Number(a), 64, 'sha512').toString('base64');
  return equal(derived, c!);
}

/** True when `password` produces `stored`. Throws RangeError for parameters too costly to try. */
export function verifyPassword(stored: StoredHash, password: Buffer, options: VerifyOptions = { maxMemory: DEFAULT_MAX_MEMORY }): boolean {
  const { hash } = stored;
  switch (stored.scheme) {
    case 'des': return equal(desCrypt(password, hash), hash);
    case 'md5': return equal(md5Crypt(password, '$1$', hash.slice(3, hash.lastIndexOf('$'))), hash);
    case 'apr1': return equal(md5Crypt(password, '$apr1$', hash.slice(6, hash.lastIndexOf('$'))), hash);
    case 'sha256':
    case 'sha512': return equal(shaCrypt(password, parseShaSetting(hash)!, options.tick), hash);
    case 'bcrypt': return bcryptVerify(password, hash);
    case 'yescrypt': return equal(yescryptCrypt(password, parseYescryptSetting(hash)!, options.maxMemory, options.tick), hash);
    case 'scrypt': {
      // Classic scrypt is the flags-0 case of yescrypt; Node's native scrypt computes it much faster.
      const s = parseYescryptSetting(hash)!;
      const { n, r, p } = s.params;
      if (yescryptMemory(s.params) > options.maxMemory) throw new RangeError('scrypt parameters over the memory limit');
      const dk = scryptSync(password, s.salt, 32, { N: n, r, p, maxmem: options.maxMemory + 1024 * 1024 });
      return equal(`${s.head}$${yescryptEncode(dk)}`, hash);
    }
    case 'htpasswd-sha1': return equal(`{SHA}${createHash('sha1').update(password).digest('base64')}`, hash);
    case 'htdigest-md5': return equal(createHash('md5').update(stored.prefix ?? '').update(password).digest('hex'), hash);
    case 'mosquitto-sha512':
    case 'mosquitto-pbkdf2': return verifyMosquitto(stored, password);
  }
}
