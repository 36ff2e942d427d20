import { isLocalOrPlaceholder, isReferenceHost } from './hosts.js';

/** Schemes of remote endpoints, with whether they carry data in cleartext and their default port. */
export const SCHEMES: Readonly<Record<string, { plaintext: boolean; port: number }>> = {
  http: { plaintext: true, port: 80 }, https: { plaintext: false, port: 443 },
  ws: { plaintext: true, port: 80 }, wss: { plaintext: false, port: 443 },
  mqtt: { plaintext: true, port: 1883 }, mqtts: { plaintext: false, port: 8883 }, tcp: { plaintext: true, port: 1883 },
  ftp: { plaintext: true, port: 21 }, ftps: { plaintext: false, port: 990 }, tftp: { plaintext: true, port: 69 },
  telnet: { plaintext: true, port: 23 }, coap: { plaintext: true, port: 5683 }, coaps: { plaintext: false, port: 5684 },
  rtsp: { plaintext: true, port: 554 }, rtsps: { plaintext: false, port: 322 }, rtmp: { plaintext: true, port: 1935 },
  smtp: { plaintext: true, port: 25 }, smtps: { plaintext: false, port: 465 }, ldap: { plaintext: true, port: 389 },
  ldaps: { plaintext: false, port: 636 }, amqp: { plaintext: true, port: 5672 }, amqps: { plaintext: false, port: 5671 },
  ssh: { plaintext: false, port: 22 }, sftp: { plaintext: false, port: 22 }, ntp: { plaintext: false, port: 123 },
};

const URL_RE = /\b([a-zA-Z][a-zA-Z0-9+.-]{1,10}):\/\/(?:([^\s/@'"<>`]{1,128})@)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9][A-Za-z0-9._-]{0,252})(?::(\d{1,5}))?([/?#][^\s'"<>`)\]}|\\]{0,300})?/g;

/** One URL found in text, credentials masked. */
export interface FoundUrl {
  readonly scheme: string;
  readonly host: string;
  readonly port?: number;
  readonly url: string;
  readonly index: number;
}

/** MQTT on its TLS port is not cleartext even under the `mqtt://` scheme some clients use for both. */
export function isPlaintext(scheme: string, port: number | undefined): boolean {
  const s = SCHEMES[scheme];
  if (!s?.plaintext) return false;
  if ((scheme === 'mqtt' || scheme === 'tcp') && port === 8883) return false;
  return true;
}

/** Remote endpoint URLs in a piece of text; documentation hosts, local hosts and placeholders are left out. */
export function* urlsIn(text: string): Generator<FoundUrl> {
  for (const m of text.matchAll(URL_RE)) {
    const scheme = m[1]!.toLowerCase();
    if (!SCHEMES[scheme]) continue;
    const host = m[3]!.toLowerCase().replace(/\.$/, '');
    if (isLocalOrPlaceholder(host) || isReferenceHost(host)) continue;
    const port = m[4] ? Number(m[4]) : undefined;
    if (port !== undefined && (port < 1 || port > 65535)) continue;
    const cred = m[2] ? `${m[2].split(':')[0]}:***@` : '';
    const url = `${scheme}://${cred}${host}${m[4] ? `:${m[4]}` : ''}${(m[5] ?? '').replace(/[.,;:]+$/, '')}`;
    yield { scheme, host, ...(port !== undefined ? { port } : {}), url, index: m.index };
  }
}
