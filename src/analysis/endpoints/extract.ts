import type { FsEntry, Vfs } from '../../firmware/types.js';
import { isElf, looksText, MAX_BINARY_BYTES, readEntry, stringsAround } from '../tree/index.js';
import { hostsInConfig } from './configs.js';
import type { Endpoint, EndpointSource } from './types.js';
import { isPlaintext, urlsIn } from './urls.js';

// The remote hosts a tree is set up to contact: URLs in configuration, scripts, web pages and programs, and
// hosts configuration names without a URL (time servers, name servers, MQTT bridges). Documentation folders
// are skipped; documentation hosts, local hosts and placeholders are left out (hosts.ts).

const MAX_TEXT = 2 * 1024 * 1024;
const SKIP = /^\/usr\/share\/(?:doc|man|info|locale|i18n|common-licenses|zoneinfo|mime|perl5?|X11|fonts|icons|bash-completion|lintian|zsh)\/|^\/usr\/(?:include|src)\/|^\/usr\/lib\/(?:python[\d.]*|perl5?|x86_64-linux-gnu\/perl)\/|^\/var\/lib\/dpkg\/|^\/usr\/share\/perl|\.(?:pm|pod|h|hpp|md|txt|html?\.gz|gz)$|\/LICEN[CS]E|\/COPYING/;
const URL_NEEDLE = Buffer.from('://', 'latin1');

function kindOf(path: string, buf: Buffer): EndpointSource['kind'] {
  if (/^\/(?:www|var\/www|usr\/www|srv\/www|home\/httpd)\/|\.(?:html?|js|css|asp|htm)$/.test(path)) return 'web';
  if (buf[0] === 0x23 && buf[1] === 0x21) return 'script';
  if (/\.(?:sh|lua|php|py|pl|rb|js|cgi)$|\/init\.d\/|\/rc\.d\//.test(path)) return 'script';
  return 'config';
}

interface Acc {
  readonly endpoints: Map<string, { scheme: string; host: string; port?: number; urls: Set<string>; purpose?: Endpoint['purpose']; sources: EndpointSource[] }>;
}

function add(acc: Acc, e: { scheme: string; host: string; port?: number; url?: string; purpose?: Endpoint['purpose'] }, source: EndpointSource): void {
  const key = `${e.scheme}://${e.host}`;
  let cur = acc.endpoints.get(key);
  if (!cur) acc.endpoints.set(key, (cur = { scheme: e.scheme, host: e.host, ...(e.port !== undefined ? { port: e.port } : {}), urls: new Set(), ...(e.purpose ? { purpose: e.purpose } : {}), sources: [] }));
  if (e.url && cur.urls.size < 10) cur.urls.add(e.url);
  if (cur.sources.length < 20 && !cur.sources.some((s) => s.path === source.path && s.line === source.line && s.offset === source.offset)) cur.sources.push(source);
}

const purposeOf = (path: string, scheme: string): Endpoint['purpose'] =>
  /\/(?:apt\/sources\.list|opkg|apk\/repositories)/.test(path) ? 'package-feed' : scheme === 'mqtt' || scheme === 'mqtts' ? 'mqtt' : undefined;

function fromText(acc: Acc, path: string, text: string, kind: EndpointSource['kind']): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    // A commented-out URL is not contacted (shell, config, Lua, C-style comments).
    if (line.length > 4000 || (kind !== 'web' && /^\s*(?:#|;|\/\/|--)/.test(line))) return;
    for (const u of urlsIn(line)) add(acc, { ...u, purpose: purposeOf(path, u.scheme) }, { path, line: i + 1, kind, text: line.trim().slice(0, 200) });
  });
  for (const h of hostsInConfig(path, lines)) add(acc, { scheme: h.scheme, host: h.host, ...(h.port ? { port: h.port } : {}), purpose: h.scheme }, { path, line: h.line, kind: kind === 'web' ? 'config' : kind, text: h.text.slice(0, 200) });
}

function fromBinary(acc: Acc, path: string, buf: Buffer): void {
  for (const s of stringsAround(buf, [URL_NEEDLE], 8, 200)) {
    for (const u of urlsIn(s.text)) add(acc, { ...u, purpose: purposeOf(path, u.scheme) }, { path, offset: s.offset + u.index, kind: 'binary', text: s.text.slice(0, 200) });
  }
}

async function build(vfs: Vfs): Promise<Endpoint[]> {
  const acc: Acc = { endpoints: new Map() };
  const files = vfs.entries().filter((e): e is FsEntry => e.type === 'file' && e.size > 0 && e.size <= MAX_BINARY_BYTES && !SKIP.test(e.path));
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const e = files[next++]!;
      const buf = await readEntry(vfs, e, MAX_BINARY_BYTES);
      if (!buf) continue;
      if (isElf(buf)) fromBinary(acc, e.path, buf);
      else if (buf.length <= MAX_TEXT && looksText(buf)) fromText(acc, e.path, buf.toString('utf8'), kindOf(e.path, buf));
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return [...acc.endpoints.values()].map((e) => ({
    scheme: e.scheme, host: e.host, ...(e.port !== undefined ? { port: e.port } : {}), urls: [...e.urls].sort(), plaintext: isPlaintext(e.scheme, e.port),
    ...(e.purpose ? { purpose: e.purpose } : {}),
    sources: e.sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? a.offset ?? 0) - (b.line ?? b.offset ?? 0))),
  })).sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.scheme < b.scheme ? -1 : 1));
}

const cache = new WeakMap<Vfs, Promise<Endpoint[]>>();

/** The remote endpoints a tree names, computed once per tree; sorted by host, then scheme. */
export function endpointsOf(vfs: Vfs): Promise<Endpoint[]> {
  let p = cache.get(vfs);
  if (!p) cache.set(vfs, (p = build(vfs)));
  return p;
}

/** Whether `host` is covered by a declared host (`vendor.com` covers `api.vendor.com`; `*.vendor.com` likewise). */
export function declaredBy(host: string, declared: readonly string[]): string | undefined {
  return declared.find((d) => {
    const h = d.toLowerCase().replace(/^\*\./, '');
    return host === h || host.endsWith(`.${h}`);
  });
}
