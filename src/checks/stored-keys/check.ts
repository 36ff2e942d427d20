import { createHash } from 'node:crypto';
import { baseName, forEachFile, MAX_BINARY_BYTES, targetsOf, where, type Target, unreadImages } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { findCerts, genericNames, isTrustStore, type CertInfo } from './certs.js';
import { findKeys, type FoundKey } from './find-keys.js';

interface KeyHit { readonly t: Target; readonly path: string; readonly key: FoundKey }
interface CertHit { readonly t: Target; readonly path: string; readonly cert: CertInfo }

const DAY = 86_400_000;
const CERT_BEGIN = Buffer.from('-----BEGIN CERTIFICATE-----');
/**
 * Cryptographic libraries that carry known keys for their power-on self-tests (GnuTLS, Nettle, libgcrypt,
 * OpenSSL FIPS provider, wolfSSL, mbed TLS test data): public test vectors, not device secrets.
 */
const SELF_TEST_LIBS = /\/lib(gnutls|nettle|hogweed|gcrypt|wolfssl|mbedcrypto|mbedtls)[^/]*\.so[^/]*$|\/ossl-modules\/fips\.so$/;

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  return [...(await examine(ctx)), ...unreadImages(ctx.evidence.firmware, ['5.4-3', '5.4-4'], 'Keys and certificates')];
}

async function examine(ctx: CheckContext): Promise<FindingDraft[]> {
  const keys: KeyHit[] = [];
  const certs: CertHit[] = [];
  const out: FindingDraft[] = [];
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`keys and certificates in ${t.image}`);
    const before = keys.length;
    await forEachFile(t.vfs, MAX_BINARY_BYTES, (e, buf) => {
      if (!SELF_TEST_LIBS.test(e.path)) for (const key of findKeys(buf, baseName(e.path))) keys.push({ t, path: e.path, key });
      if (buf.indexOf(CERT_BEGIN) >= 0) {
        const found = findCerts(buf);
        if (!isTrustStore(e.path, found)) for (const cert of found) certs.push({ t, path: e.path, cert });
      }
    });
    if (keys.length === before) {
      out.push({
        provisions: ['5.4-4'], severity: 'info', verdict: 'pass', key: 'no-keys',
        title: 'No private key is built into the image',
        detail: `No private key in PEM, OpenSSH, Dropbear, DER or PKCS#12 form was found in any file of ${t.vfs.layer}: keys, if any, are made or provisioned per unit.`,
        location: where(t, '/'), evidence: '', remediation: 'Nothing to fix.',
      });
    }
  }
  const byPrint = new Map<string, KeyHit[]>();
  for (const k of keys) byPrint.set(k.key.fingerprint, [...(byPrint.get(k.key.fingerprint) ?? []), k]);
  for (const k of keys) out.push(keyFinding(k, certs, byPrint.get(k.key.fingerprint)!, ctx.now));
  for (const c of certs) out.push(...certFindings(c, ctx.now));
  return out;
}

function keyFinding(k: KeyHit, certs: readonly CertHit[], same: readonly KeyHit[], now: Date): FindingDraft {
  const { key } = k;
  const images = [...new Set(same.map((s) => s.t.image))];
  const host = /host_key|ssh_host|dropbear/i.test(k.path) || key.format.startsWith('Dropbear');
  const pubOf = (c: CertInfo) => createHash('sha256').update(c.publicKeyDer).digest('hex');
  const cert = certs.find((c) => c.t === k.t && pubOf(c.cert) === key.fingerprint)?.cert;
  const what = host ? 'SSH host key' : cert ? `key of the certificate ${cert.subject}` : 'private key';
  const shared = images.length > 1 ? ` The same key is in ${images.length} images (${images.join(', ')}): it is identical in every unit.` : ' Every unit built from this image carries this same key.';
  const consequence = host ? 'anyone with the firmware can impersonate any unit\'s SSH server and read or alter its sessions'
    : 'anyone with the firmware can decrypt or impersonate what the key protects on every unit';
  const expired = cert && cert.validTo.getTime() < now.getTime() ? ' Its certificate has expired.' : '';
  return {
    provisions: key.encrypted ? ['5.4-1', '5.4-3'] : ['5.4-3', '5.4-4', '5.5-8'],
    severity: key.encrypted ? 'medium' : host || images.length > 1 ? 'critical' : 'high', verdict: 'fail', key: `key:${key.offset}`,
    title: `${key.encrypted ? 'Encrypted' : 'Unencrypted'} ${what} in ${k.path}`,
    detail: `${k.path}${key.offset ? ` at offset ${key.offset}` : ''} holds a ${key.format} (${key.type}${key.bits ? ` ${key.bits} bits` : ''}).${key.encrypted ? ' It is encrypted, but the passphrase has to be somewhere on the device too.' : ` A critical security parameter hard-coded in the image (5.4-3): ${consequence} (5.4-4 requires such keys to be unique per unit).`}${shared}${expired}`,
    location: where(k.t, k.path, key.offset ? { offset: key.offset } : {}),
    evidence: `${key.format}, ${key.type}${key.bits ? ` ${key.bits}` : ''}, public key SHA-256 ${key.fingerprint.slice(0, 16)}...`,
    remediation: host
      ? 'Remove the key from the image and generate host keys on first boot (dropbearkey / ssh-keygen -A when the key file is missing), so each unit has its own.'
      : 'Remove the key from the image; generate a key pair per unit at manufacture or first boot (in a secure element or per-unit partition) and have it certified per unit.',
  };
}

function certFindings(c: CertHit, now: Date): FindingDraft[] {
  const out: FindingDraft[] = [];
  const at = where(c.t, c.path, c.cert.offset ? { offset: c.cert.offset } : {});
  const id = `${c.cert.subject} (SHA-256 ${c.cert.fingerprint.slice(0, 23)}...)`;
  if (c.cert.validTo.getTime() < now.getTime()) {
    out.push({
      provisions: ['5.5-8'], severity: 'medium', verdict: 'fail', key: `expired:${c.cert.fingerprint}`,
      title: `Expired certificate in ${c.path}`,
      detail: `${id} expired on ${c.cert.validTo.toISOString().slice(0, 10)} (${Math.floor((now.getTime() - c.cert.validTo.getTime()) / DAY)} days ago): clients that check validity reject it, and those that do not have been taught to ignore certificate errors.`,
      location: at, evidence: id, remediation: 'Issue per-unit certificates with a renewal path, and replace expired ones through updates.',
    });
  }
  if (c.cert.keyType === 'RSA' && (c.cert.bits ?? 4096) < 2048) {
    out.push({
      provisions: ['5.5-8'], severity: 'medium', verdict: 'fail', key: `weak:${c.cert.fingerprint}`,
      title: `Certificate with a ${c.cert.bits}-bit RSA key in ${c.path}`,
      detail: `${id} uses an RSA key shorter than 2048 bits, below current best practice.`,
      location: at, evidence: id, remediation: 'Use RSA 2048+ or ECDSA P-256 keys.',
    });
  }
  const generic = genericNames(c.cert.names);
  if (c.cert.selfSigned || generic.length > 0) {
    out.push({
      provisions: ['5.5-8'], severity: 'low', verdict: 'inconclusive', key: `generic:${c.cert.fingerprint}`,
      title: `${c.cert.selfSigned ? 'Self-signed' : 'Generic'} server certificate in ${c.path}`,
      detail: `${id} is ${c.cert.selfSigned ? 'self-signed' : 'issued'} for ${c.cert.names.join(', ') || 'no name'}${generic.length ? ` (names that do not identify a unit: ${generic.join(', ')})` : ''}: a certificate shipped in the image is the same on every unit, so clients cannot tell units apart.`,
      location: at, evidence: id, remediation: 'Generate the device certificate per unit, named after the unit, and let clients pin or verify it.',
    });
  }
  return out;
}
