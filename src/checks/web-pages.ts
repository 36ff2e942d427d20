import type { ProvisionId } from '../catalogue/index.js';
import type { FindingDraft, Location } from '../model/index.js';
import { bodyText, mediaTypeOf, readableText } from '../web/index.js';
import type { WebPage, WebPurpose } from './types.js';

// Helpers shared by the published-page checks: where a page is, whether it could be read, and its text.

export function pagesFor(pages: readonly WebPage[], purpose: WebPurpose): WebPage[] {
  return pages.filter((p) => p.purpose === purpose);
}

export function pageLocation(page: WebPage, line?: number): Location {
  return { url: page.response.finalUrl, ...(line ? { line } : {}) };
}

function via(page: WebPage): string {
  const o = page.origin;
  const named = o.kind === 'manifest' ? `named in the manifest at ${o.path.join('.')}` : o.kind === 'security-txt' ? `named by ${o.url} line ${o.line}` : `of domain ${o.domain}`;
  const redirected = page.response.redirects.length > 0 ? `; redirected to ${page.response.redirects.join(' -> ')}` : '';
  return `${named}${redirected}`;
}

/**
 * The finding for a page that could not be read, or undefined when it was read (HTTP 200 with a body).
 * Plainly absent (404/410) or not served over https with a valid certificate is a failure; anything that stopped
 * iotcop from looking (timeout, network, no saved copy) is inconclusive with the reason.
 */
export function unreadable(page: WebPage, provisions: readonly ProvisionId[], what: string): FindingDraft | undefined {
  const r = page.response;
  const base = { provisions, location: pageLocation(page), key: `${page.purpose}:${page.url}` };
  if (r.error) {
    const hard = r.error.code === 'tls' || r.error.code === 'not-https';
    return {
      ...base,
      severity: hard ? 'high' : 'medium',
      verdict: hard ? 'fail' : 'inconclusive',
      title: hard ? `${what} is not served over HTTPS with a valid certificate` : `${what} could not be read`,
      detail: `${page.url} (${via(page)}): ${r.error.message}.${hard ? ' Anyone can be shown a forged page in its place, so it does not count as published securely.' : ' Nothing was concluded from it.'}`,
      evidence: `${r.error.code}: ${r.error.message}`,
      remediation: hard ? 'Serve the page over https with a certificate from a public CA that is valid for the host name.'
        : r.error.code === 'not-in-snapshot' ? 'Save a copy of the page into the snapshot folder (wget -x), or assess online.' : 'Check that the page is reachable, then assess again.',
    };
  }
  if (r.status === 404 || r.status === 410) {
    return {
      ...base, severity: 'high', verdict: 'fail',
      title: `${what} is not published`,
      detail: `${page.url} (${via(page)}) answers HTTP ${r.status}: the page does not exist.`,
      evidence: `HTTP ${r.status}`,
      remediation: `Publish ${what.toLowerCase()} at that address, or correct the address in the manifest.`,
    };
  }
  if (r.status !== 200 || !r.body) {
    return {
      ...base, severity: 'medium', verdict: 'inconclusive',
      title: `${what} could not be read`,
      detail: `${page.url} (${via(page)}) answered HTTP ${r.status ?? '(none)'}, so its content was not examined.`,
      evidence: `HTTP ${r.status ?? '(none)'}`,
      remediation: 'Make the page answer 200 to a plain GET without cookies or a login, then assess again.',
    };
  }
  return undefined;
}

/** The readable text of a page that was read. */
export function pageText(page: WebPage): string {
  return readableText(bodyText(page.response), mediaTypeOf(page.response.contentType));
}

/** "online on 200 via https" or "saved copy" — how much the transport was checked, for finding details. */
export function transportNote(page: WebPage): string {
  return page.response.source === 'snapshot' ? 'saved copy (certificate not checked)' : 'fetched over https, certificate verified';
}
