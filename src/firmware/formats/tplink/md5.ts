// The header's first MD5 field is the MD5 of the whole firmware with that field replaced by a salt: one salt
// for plain images, another for images that bundle the bootloader. Both are fixed constants of the format
// (published in OpenWrt's mktplinkfw); a match also tells which kind of image this is.
import { createHash } from 'node:crypto';
import type { ByteSource } from '../../types.js';

const SALTS = {
  normal: Buffer.from('dcd73aa5c39598fbddf9e7f40eae4738', 'hex'),
  boot: Buffer.from('8cef335bd5c5cefaa79c28dab2e90f42', 'hex'),
} as const;
const MD5_AT = 0x4c;
const CHUNK = 1024 * 1024;

function md5With(src: ByteSource, length: number, salt: Buffer): Buffer {
  const hash = createHash('md5');
  for (let at = 0; at < length; at += CHUNK) {
    const chunk = Buffer.from(src.read(at, Math.min(CHUNK, length - at)));
    if (at === 0) salt.copy(chunk, MD5_AT);
    hash.update(chunk);
  }
  return hash.digest();
}

/** Which salt makes the stored MD5 match, or undefined when neither does. */
export function verifyMd5(src: ByteSource, length: number, stored: Buffer): keyof typeof SALTS | undefined {
  for (const kind of ['normal', 'boot'] as const) if (md5With(src, length, SALTS[kind]).equals(stored)) return kind;
  return undefined;
}
