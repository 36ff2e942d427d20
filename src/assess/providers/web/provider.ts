import type { Evidence, WebPage } from '../../../checks/types.js';
import { parseSecurityTxt } from '../../../web/security-txt/index.js';
import { SnapshotSource, WebFetcher, type WebResponse, type WebSource } from '../../../web/index.js';
import type { ClassifiedInput } from '../../inputs.js';
import type { ProviderContext } from '../types.js';
import { comparePages, manifestTargets, type Target } from './targets.js';

/** security.txt is read with a cap above RFC 9116's 32 KiB so that an oversized file is reported, not lost. */
const SECURITY_TXT_CAP = 64 * 1024;
const PAGE_CAP = 2 * 1024 * 1024;
const MAX_FOLLOW_UPS = 8;

export async function collectWeb(_inputs: readonly ClassifiedInput[], collected: Evidence, ctx: ProviderContext): Promise<Evidence> {
  const skip = (reason: string): Evidence => ({ ...collected, unavailable: { ...collected.unavailable, web: reason } });
  const web = ctx.web ?? { mode: 'off' as const };
  if (web.mode === 'off') return skip('published pages were not looked at (run `iotcop assess` without --offline, or give --web-snapshot DIR)');
  const manifest = collected.manifest?.manifest;
  if (!manifest) return skip('no manifest names a domain or page');
  const targets = manifestTargets(manifest.data);
  if (targets.length === 0) return skip('the manifest names no domain or page (manufacturer.domains, vulnerabilityDisclosure, supportPeriod.url, personalData)');

  const source: WebSource = web.mode === 'snapshot'
    ? new SnapshotSource(web.dir)
    : new WebFetcher({ ...web.fetcher, blockPrivateAddresses: web.fetcher?.blockPrivateAddresses ?? ctx.untrusted });
  const cache = new Map<string, Promise<WebResponse>>();
  const fetchOnce = (url: string, cap: number) => {
    let pending = cache.get(url);
    if (!pending) {
      ctx.progress(`${web.mode === 'snapshot' ? 'reading saved copy of' : 'fetching'} ${url}`);
      pending = source.get(url, { maxBytes: cap, signal: ctx.signal });
      cache.set(url, pending);
    }
    return pending;
  };
  try {
    const pages: WebPage[] = [];
    const visit = async (t: Target) => {
      const cap = t.purpose.startsWith('security-txt') ? SECURITY_TXT_CAP : PAGE_CAP;
      pages.push({ ...t, response: await fetchOnce(t.url, cap) });
    };
    for (const t of targets) await visit(t);
    for (const t of followUps(pages).slice(0, MAX_FOLLOW_UPS)) await visit(t);
    return { ...collected, web: { source: source.kind, pages: pages.sort(comparePages) } };
  } finally {
    await source.close();
  }
}

/**
 * Pages a fetched security.txt points to: its Policy pages (the disclosure policy it advertises) and, when it is
 * signed, its Encryption keys served over https (the likeliest place of the signing key).
 */
function followUps(pages: readonly WebPage[]): Target[] {
  const out: Target[] = [];
  const known = new Set(pages.map((p) => `${p.purpose} ${p.url}`));
  for (const page of pages) {
    if (page.purpose !== 'security-txt' || !page.response.body || page.response.status !== 200) continue;
    const file = parseSecurityTxt(page.response.body, { now: new Date(), url: page.response.finalUrl });
    for (const field of file.fields) {
      const purpose = field.key === 'policy' ? 'disclosure-policy' : field.key === 'encryption' && file.signed ? 'pgp-key' : undefined;
      if (!purpose || !/^https:\/\//i.test(field.value) || known.has(`${purpose} ${field.value}`)) continue;
      known.add(`${purpose} ${field.value}`);
      out.push({ purpose, url: field.value, origin: { kind: 'security-txt', url: page.url, line: field.line } });
    }
  }
  return out;
}
