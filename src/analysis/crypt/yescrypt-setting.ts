import { atoi64, yesDecode64, yesDecodeFixed, yesDecodeUint32, yesEncode64 } from './alphabet.js';
import { checkYescryptParams, YESCRYPT_RW, yescryptKdf, type YescryptParams } from './yescrypt.js';

// The `$y$` (yescrypt) and `$7$` (classic scrypt) crypt settings, as the yescrypt distribution encodes them:
// `$y$` + flavour + log2(N) + r [+ "have" bits + p, t, g, NROM] + `$` + base-64 salt bytes;
// `$7$` + log2(N) (one character) + r (5 characters) + p (5 characters) + raw salt text.

export interface YescryptSetting {
  readonly prefix: string;
  readonly params: YescryptParams;
  readonly salt: Buffer;
  /** The setting up to and including the salt text, as it is repeated in the hash. */
  readonly head: string;
}

const RW_FLAVOR_MASK = 0x3fc;

function parseY(hash: string): YescryptSetting | undefined {
  let at = 3;
  const flavor = yesDecodeUint32(hash, at, 0);
  if (!flavor) return undefined;
  let flags: number;
  if (flavor.value < YESCRYPT_RW) flags = flavor.value;
  else if (flavor.value <= YESCRYPT_RW + (RW_FLAVOR_MASK >> 2)) flags = YESCRYPT_RW + ((flavor.value - YESCRYPT_RW) << 2);
  else return undefined;
  const nLog2 = yesDecodeUint32(hash, flavor.next, 1);
  if (!nLog2 || nLog2.value > 63) return undefined;
  const r = yesDecodeUint32(hash, nLog2.next, 1);
  if (!r) return undefined;
  at = r.next;
  let p = 1;
  let t = 0;
  if (hash[at] !== '$') {
    const have = yesDecodeUint32(hash, at, 1);
    if (!have) return undefined;
    at = have.next;
    const read = (min: number): number | undefined => {
      const v = yesDecodeUint32(hash, at, min);
      if (!v) return undefined;
      at = v.next;
      return v.value;
    };
    if (have.value & 1) p = read(2) ?? -1;
    if (have.value & 2) t = read(1) ?? -1;
    // Hash upgrades (g) and ROMs (NROM) are not used by password hashes that can be verified without the ROM.
    if (have.value & 12 || p < 0 || t < 0) return undefined;
  }
  if (hash[at] !== '$') return undefined;
  at++;
  const end = hash.indexOf('$', at);
  const saltText = end < 0 ? hash.slice(at) : hash.slice(at, end);
  const salt = yesDecode64(saltText, 64);
  if (!salt) return undefined;
  const params = { flags, n: 2 ** nLog2.value, r: r.value, p, t };
  return { prefix: '$y$', params, salt: Buffer.from(salt), head: hash.slice(0, at + saltText.length) };
}

function parse7(hash: string): YescryptSetting | undefined {
  const nLog2 = atoi64(hash.charCodeAt(3));
  if (nLog2 < 1) return undefined;
  const r = yesDecodeFixed(hash, 4, 30);
  const p = r && yesDecodeFixed(hash, r.next, 30);
  if (!r || !p) return undefined;
  const end = hash.indexOf('$', p.next);
  const saltText = end < 0 ? hash.slice(p.next) : hash.slice(p.next, end);
  const params = { flags: 0, n: 2 ** nLog2, r: r.value, p: p.value, t: 0 };
  return { prefix: '$7$', params, salt: Buffer.from(saltText, 'latin1'), head: hash.slice(0, p.next + saltText.length) };
}

/** Reads a `$y$` or `$7$` setting or hash; undefined when malformed. */
export function parseYescryptSetting(hash: string): YescryptSetting | undefined {
  if (hash.startsWith('$y$')) return parseY(hash);
  if (hash.startsWith('$7$')) return parse7(hash);
  return undefined;
}

/** The full hash string of `password` under `setting`; throws RangeError on unsupported or too costly parameters. */
export function yescryptCrypt(password: Buffer, setting: YescryptSetting, maxBytes: number, tick?: () => void): string {
  checkYescryptParams(setting.params, maxBytes);
  const dk = yescryptKdf(password, setting.salt, setting.params, 32, tick);
  return `${setting.head}$${yesEncode64(dk)}`;
}
