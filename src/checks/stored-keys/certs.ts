import { X509Certificate } from 'node:crypto';

// Certificates in PEM files: validity, key strength, self-signature, names. CA bundles (trust stores) are told
// apart so that an old root in ca-certificates is not mistaken for the device's own certificate.

export interface CertInfo {
  readonly offset: number;
  readonly subject: string;
  readonly issuer: string;
  readonly validTo: Date;
  readonly selfSigned: boolean;
  readonly ca: boolean;
  readonly keyType: string;
  readonly bits?: number;
  readonly names: readonly string[];
  readonly fingerprint: string;
  readonly publicKeyDer: Buffer;
}

const BEGIN = Buffer.from('-----BEGIN CERTIFICATE-----');
const END = Buffer.from('-----END CERTIFICATE-----');
const MAX_CERTS = 500;

export function findCerts(buf: Buffer): CertInfo[] {
  const out: CertInfo[] = [];
  for (let at = buf.indexOf(BEGIN); at >= 0 && out.length < MAX_CERTS; at = buf.indexOf(BEGIN, at + 1)) {
    const end = buf.indexOf(END, at);
    if (end < 0 || end - at > 64 * 1024) break;
    try {
      const x = new X509Certificate(buf.subarray(at, end + END.length));
      const pub = x.publicKey;
      const d = pub.asymmetricKeyDetails ?? {};
      const san = (x.subjectAltName ?? '').split(/,\s*/).map((n) => n.replace(/^(DNS|IP Address):/, '')).filter(Boolean);
      const cn = /CN=([^\n]+)/.exec(x.subject)?.[1];
      out.push({
        offset: at, subject: x.subject.replace(/\n/g, ', '), issuer: x.issuer.replace(/\n/g, ', '), validTo: new Date(x.validTo),
        selfSigned: x.subject === x.issuer && safeVerify(x), ca: x.ca, keyType: (pub.asymmetricKeyType ?? '?').toUpperCase(),
        ...(d.modulusLength ? { bits: d.modulusLength } : {}), names: [...new Set([...(cn ? [cn] : []), ...san])],
        fingerprint: x.fingerprint256, publicKeyDer: pub.export({ type: 'spki', format: 'der' }),
      });
    } catch {
      // not a parsable certificate: skip it
    }
  }
  return out;
}

function safeVerify(x: X509Certificate): boolean {
  try {
    return x.verify(x.publicKey);
  } catch {
    return false;
  }
}

/** Trust stores: CA bundles and the folders distributions keep them in. */
export function isTrustStore(path: string, certs: readonly CertInfo[]): boolean {
  if (/\/(ssl\/certs|ca-certificates|pki\/tls\/certs|pki\/ca-trust|certs\/ca)\/|ca-bundle|cacert|ca-certificates\.crt|\/etc\/ssl\/cert\.pem/i.test(path)) return true;
  return certs.length > 3 && certs.every((c) => c.ca);
}

/** Names that do not identify a unit: the same certificate name on every device. */
export function genericNames(names: readonly string[]): string[] {
  return names.filter((n) => /^(localhost|127\.0\.0\.1|::1|192\.168\.\d+\.\d+|10\.0\.0\.1|example\.(com|org|net)|test|router|\*)$/i.test(n) || n.startsWith('*.'));
}
