import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

// Finds private keys in file contents, in every common encoding: PEM (PKCS#1 RSA, SEC1 EC, DSA, PKCS#8 plain
// and encrypted), OpenSSH `openssh-key-v1`, Dropbear host keys, DER PKCS#8 and PKCS#1, and PKCS#12 bundles.
// Each key gets a fingerprint (SHA-256 of its public half when it can be derived) to compare across images.

export interface FoundKey {
  readonly offset: number;
  readonly format: string;
  /** RSA, EC (curve), DSA, Ed25519... when known. */
  readonly type: string;
  readonly bits?: number;
  readonly encrypted: boolean;
  /** SHA-256 of the public key (SPKI DER), or of the key bytes when the public half is not derivable. */
  readonly fingerprint: string;
}

const PEM_BEGIN = Buffer.from('-----BEGIN ');
const MAX_PEM = 64 * 1024;
const MAX_KEYS_PER_FILE = 100;

function describe(key: KeyObject): { type: string; bits?: number; fingerprint: string } {
  const d = key.asymmetricKeyDetails ?? {};
  const type = key.asymmetricKeyType === 'ec' ? `EC ${d.namedCurve ?? ''}`.trim() : (key.asymmetricKeyType ?? 'unknown').toUpperCase();
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return { type, ...(d.modulusLength ? { bits: d.modulusLength } : {}), fingerprint: createHash('sha256').update(spki).digest('hex') };
}

function sha(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** PEM blocks labelled PRIVATE KEY (any flavour). */
function pemKeys(buf: Buffer, out: FoundKey[]): void {
  for (let at = buf.indexOf(PEM_BEGIN); at >= 0 && out.length < MAX_KEYS_PER_FILE; at = buf.indexOf(PEM_BEGIN, at + 1)) {
    const head = buf.toString('latin1', at, Math.min(buf.length, at + 64));
    const m = /^-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY)-----/.exec(head);
    if (!m) continue;
    const endMarker = Buffer.from(`-----END ${m[1]!}-----`);
    const end = buf.indexOf(endMarker, at);
    if (end < 0 || end - at > MAX_PEM) continue;
    const pem = buf.toString('latin1', at, end + endMarker.length);
    const label = m[1]!;
    // Marker strings in code (`'-----BEGIN RSA PRIVATE KEY-----'` constants, templates) are not keys: a real
    // block has a base-64 body, after optional RFC 1421 headers.
    const body = pem.slice(pem.indexOf('\n') + 1, pem.lastIndexOf('-----END')).replace(/^[A-Za-z-]{1,32}:[^\n]{0,200}\n/gm, '');
    if (body.length < 64 || !/^[A-Za-z0-9+/=\s]+$/.test(body)) continue;
    if (label === 'OPENSSH PRIVATE KEY') {
      out.push(openssh(at, Buffer.from(pem.split('\n').slice(1, -1).join(''), 'base64')));
      continue;
    }
    const encrypted = label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(pem);
    const format = `PEM ${label}${encrypted && label !== 'ENCRYPTED PRIVATE KEY' ? ' (encrypted)' : ''}`;
    if (encrypted) {
      out.push({ offset: at, format, type: label.split(' ')[0] === 'ENCRYPTED' ? 'unknown' : label.split(' ')[0]!, encrypted: true, fingerprint: sha(Buffer.from(pem)) });
      continue;
    }
    try {
      out.push({ offset: at, format, encrypted: false, ...describe(createPrivateKey(pem)) });
    } catch {
      out.push({ offset: at, format: `${format} (unparsable)`, type: label.split(' ')[0]!, encrypted: false, fingerprint: sha(Buffer.from(pem)) });
    }
  }
}

/** openssh-key-v1: magic, cipher name, KDF name... then the public key blob (type string first). */
function openssh(offset: number, blob: Buffer): FoundKey {
  const magic = 'openssh-key-v1\u0000';
  let cipher = 'unknown';
  let type = 'unknown';
  let pub: Buffer = blob;
  try {
    if (blob.toString('latin1', 0, magic.length) !== magic) throw new RangeError('magic');
    let at = magic.length;
    const str = () => {
      const n = blob.readUInt32BE(at);
      if (n > blob.length - at - 4) throw new RangeError('length');
      const v = blob.subarray(at + 4, at + 4 + n);
      at += 4 + n;
      return v;
    };
    cipher = str().toString('latin1');
    str();
    str();
    at += 4;
    pub = str();
    type = pub.toString('latin1', 4, 4 + pub.readUInt32BE(0));
  } catch {
    // fall through with what was read
  }
  return { offset, format: 'OpenSSH private key', type, encrypted: cipher !== 'none', fingerprint: sha(pub) };
}

const DROPBEAR_TYPES = ['ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'];

/** Dropbear's host key format: SSH string key type, then the key's mpints / strings. */
function dropbear(buf: Buffer): FoundKey | undefined {
  if (buf.length < 64 || buf.length > 16384) return undefined;
  const n = buf.readUInt32BE(0);
  const type = n > 0 && n < 32 ? buf.toString('latin1', 4, 4 + n) : '';
  if (!DROPBEAR_TYPES.includes(type)) return undefined;
  let bits: number | undefined;
  if (type === 'ssh-rsa') {
    // e then n: the modulus length gives the key size.
    const eLen = buf.readUInt32BE(4 + n);
    const at = 8 + n + eLen;
    if (at + 4 <= buf.length) {
      const nLen = buf.readUInt32BE(at);
      if (at + 4 + nLen <= buf.length) bits = (nLen - (buf[at + 4] === 0 ? 1 : 0)) * 8;
    }
  }
  return { offset: 0, format: 'Dropbear host key', type, ...(bits ? { bits } : {}), encrypted: false, fingerprint: sha(buf.subarray(0, Math.min(buf.length, 2048))) };
}

/** DER: PKCS#8 / PKCS#1 private keys, and PKCS#12 bundles (version 3, pkcs7-data). */
function der(buf: Buffer): FoundKey | undefined {
  if (buf.length < 64 || buf.length > 32768 || buf[0] !== 0x30 || (buf[1]! & 0x80) === 0) return undefined;
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      const key = createPrivateKey({ key: buf, format: 'der', type });
      return { offset: 0, format: `DER ${type.toUpperCase()}`, encrypted: false, ...describe(key) };
    } catch {
      // try the next encoding
    }
  }
  const p12 = Buffer.from([0x02, 0x01, 0x03, 0x30]);
  const data = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);
  const hdr = (buf[1]! & 0x7f) + 2;
  if (buf.subarray(hdr, hdr + 4).equals(p12) && buf.indexOf(data) > 0 && buf.indexOf(data) < 32) {
    return { offset: 0, format: 'PKCS#12 bundle', type: 'unknown', encrypted: true, fingerprint: sha(buf) };
  }
  return undefined;
}

/** Every private key in a file's content. `name` helps decide whether to try binary encodings. */
export function findKeys(buf: Buffer, name: string): FoundKey[] {
  const out: FoundKey[] = [];
  pemKeys(buf, out);
  if (out.length > 0) return out;
  const d = dropbear(buf) ?? (/\.(der|key|p8|pk8|pkcs8|p12|pfx)$|key/i.test(name) || buf.length <= 8192 ? der(buf) : undefined);
  return d ? [d] : [];
}
