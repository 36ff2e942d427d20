import { isElf, looksText, stringsAround } from '../../analysis/tree/index.js';

// Vendor update scripts and programs: a file that downloads something that looks like firmware. What matters
// is the transport (plain HTTP/FTP/TFTP), TLS verification switched off, and whether a signature is checked.

export interface Download {
  readonly line?: number;
  readonly offset?: number;
  readonly text: string;
  readonly url?: string;
  readonly plain: boolean;
  readonly tlsOff: boolean;
}

export interface CustomUpdater {
  readonly kind: 'script' | 'binary';
  readonly downloads: readonly Download[];
  /** How a signature is verified (the matching text), if anywhere in the file. */
  readonly signature?: string;
  /** A checksum is compared (integrity without authenticity). */
  readonly checksumOnly: boolean;
}

const FIRMWARE = /firmware|upgrade|update|\bfw[_-]|\.bin\b|\.img\b|\.trx\b|\.chk\b|\bota\b/i;
const FETCH = /\b(?:wget|curl|tftp|ftpget|uclient-fetch|fetch|http_get|download)\b/;
const URL = /\b(?:https?|ftp|tftp):\/\/[^\s"'<>`;)]{1,300}/;
const TLS_OFF = /(?:^|\s)(?:-k|--insecure)(?:\s|$)|--no-check-certificate|verify\s{0,3}=\s{0,3}False|SSL_VERIFY_NONE|CURLOPT_SSL_VERIFYPEER\s{0,3},\s{0,3}(?:0|false)|ssl_verify\S{0,10}\s{0,3}[=:]\s{0,3}["']?(?:none|false|0)|--ca-certificate=\/dev\/null/i;
const SIGNATURE = /openssl\s{1,5}(?:dgst|smime|cms|pkeyutl)\b[^\n]{0,200}-verify|gpgv?\s{1,5}--verify|\bgpgv\b|usign\s{1,5}-V|signify\s{1,5}-V|minisign\s{1,5}-V|rsa_verify|ecdsa_verify|ed25519_verify|verify_signature|RSA_verify|EVP_DigestVerify|mbedtls_pk_verify|ECDSA_verify/;
const CHECKSUM = /\b(?:md5sum|sha1sum|sha256sum|cksum|crc32)\b/;
// Literal anchors for binaries: URLs, TLS switches and signature-verification routine names.
const BINARY_NEEDLES = ['://', '--insecure', '--no-check-certificate', ' -k ', 'RSA_verify', 'EVP_DigestVerify', 'mbedtls_pk_verify', 'ECDSA_verify', 'rsa_verify', 'ecdsa_verify', 'ed25519_verify', 'verify_signature']
  .map((s) => Buffer.from(s, 'latin1'));

export function inspectScript(text: string): CustomUpdater | undefined {
  if (!FIRMWARE.test(text) || !FETCH.test(text)) return undefined;
  const downloads: Download[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trimStart().startsWith('#') || !FETCH.test(raw)) return;
    const url = URL.exec(raw)?.[0];
    const tlsOff = TLS_OFF.test(raw);
    if (!url && !tlsOff) return;
    downloads.push({ line: i + 1, text: raw.trim().slice(0, 200), ...(url ? { url } : {}), plain: url !== undefined && !url.startsWith('https:'), tlsOff });
  });
  if (downloads.length === 0) return undefined;
  const sig = SIGNATURE.exec(text)?.[0];
  return { kind: 'script', downloads, ...(sig ? { signature: sig } : {}), checksumOnly: !sig && CHECKSUM.test(text) };
}

export function inspectBinary(buf: Buffer): CustomUpdater | undefined {
  if (!isElf(buf) || buf.indexOf('://') < 0) return undefined;
  const downloads: Download[] = [];
  let sig: string | undefined;
  for (const s of stringsAround(buf, BINARY_NEEDLES, 8)) {
    sig ??= SIGNATURE.exec(s.text)?.[0];
    const url = URL.exec(s.text)?.[0];
    if (url && FIRMWARE.test(url) && !url.startsWith('https:')) downloads.push({ offset: s.offset, text: s.text.slice(0, 200), url, plain: true, tlsOff: false });
    if (TLS_OFF.test(s.text) && /curl|wget/.test(s.text)) downloads.push({ offset: s.offset, text: s.text.slice(0, 200), plain: false, tlsOff: true });
    if (downloads.length > 20) break;
  }
  if (downloads.length === 0) return undefined;
  return { kind: 'binary', downloads, ...(sig ? { signature: sig } : {}), checksumOnly: false };
}

export function inspect(buf: Buffer): CustomUpdater | undefined {
  if (looksText(buf)) return inspectScript(buf.toString('latin1'));
  return inspectBinary(buf);
}
