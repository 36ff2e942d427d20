import type { FindingDraft } from '../../model/index.js';
import { parseSecurityTxt, verifySecurityTxtSignature, type SecurityTxt, type SecurityTxtProblem } from '../../web/security-txt/index.js';
import type { CheckContext, WebPage } from '../types.js';
import { pageLocation, pagesFor, transportNote, unreadable } from '../web-pages.js';

/** Problems that leave reporters without a usable, trustworthy contact: these fail 5.2-1. */
const DEFEATING = new Set(['contact-missing', 'expired', 'canonical-mismatch']);

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const web = ctx.evidence.web;
  if (!web) return [];
  const findings: FindingDraft[] = [];
  const keys = pagesFor(web.pages, 'pgp-key').filter((p) => p.response.status === 200 && p.response.body).map((p) => p.response.body!.toString('utf8'));
  for (const [host, group] of byHost(web.pages)) {
    const wellKnown = group.find((p) => p.purpose === 'security-txt');
    const legacy = group.find((p) => p.purpose === 'security-txt-legacy');
    const chosen = [wellKnown, legacy].find((p) => p && !unreadable(p, ['5.2-1'], 'security.txt'));
    if (!chosen) {
      const failure = wellKnown && unreadable(wellKnown, ['5.2-1'], `security.txt of ${host}`);
      if (failure) findings.push(absentIsMild(failure, wellKnown, ctx));
      continue;
    }
    if (chosen === legacy) findings.push(legacyOnly(chosen, host));
    findings.push(...await examine(chosen, keys, ctx));
  }
  return findings;
}

/** Pages grouped by the host of the security.txt URL asked for. */
function byHost(pages: readonly WebPage[]): Map<string, WebPage[]> {
  const groups = new Map<string, WebPage[]>();
  for (const p of pages) {
    if (p.purpose !== 'security-txt' && p.purpose !== 'security-txt-legacy') continue;
    const host = new URL(p.url).host;
    groups.set(host, [...(groups.get(host) ?? []), p]);
  }
  return groups;
}

/**
 * A security.txt answering 404 fails only when the manifest declares that very URL; otherwise the disclosure
 * policy page may still be enough for 5.2-1, so its absence is a weak (inconclusive) finding. Transport failures
 * (certificate, http) stay failures, other errors stay inconclusive.
 */
function absentIsMild(finding: FindingDraft, page: WebPage, ctx: CheckContext): FindingDraft {
  const declared = ctx.evidence.manifest?.manifest.data.vulnerabilityDisclosure?.securityTxtUrl === page.url;
  if (finding.verdict !== 'fail' || page.response.error || declared) return finding;
  return { ...finding, severity: 'low', verdict: 'inconclusive', title: `No security.txt on ${new URL(page.url).host}`, detail: `${finding.detail} RFC 9116 asks for one at /.well-known/security.txt; without it, reporters must find the disclosure policy some other way.` };
}

function legacyOnly(page: WebPage, host: string): FindingDraft {
  return {
    provisions: ['5.2-1'], severity: 'low', verdict: 'inconclusive', location: pageLocation(page), key: 'legacy-location',
    title: `security.txt of ${host} only at the legacy location`,
    detail: `${page.url} exists but /.well-known/security.txt does not. RFC 9116 section 3 requires the file under /.well-known/; the top-level path is for legacy compatibility only.`,
    evidence: `${page.url}: HTTP 200`,
    remediation: 'Serve the file at /.well-known/security.txt (and redirect /security.txt there).',
  };
}

async function examine(page: WebPage, keys: readonly string[], ctx: CheckContext): Promise<FindingDraft[]> {
  const r = page.response;
  const file = parseSecurityTxt(r.body!, { now: ctx.now, url: r.finalUrl, ...(r.source === 'network' && r.contentType !== undefined ? { contentType: r.contentType } : {}) });
  const findings = file.problems.map((p) => problemFinding(page, p));
  const signature = file.signed ? await verifySecurityTxtSignature(r.body!.toString('utf8'), keys) : undefined;
  if (signature && signature.status !== 'verified') {
    const invalid = signature.status === 'invalid';
    findings.push({
      provisions: ['5.2-1'], severity: invalid ? 'high' : signature.status === 'malformed' ? 'low' : 'info', verdict: invalid ? 'fail' : 'inconclusive',
      location: pageLocation(page, 1), key: 'signature',
      title: invalid ? 'security.txt signature does not match its text' : signature.status === 'malformed' ? 'security.txt signature is malformed' : 'security.txt signature could not be verified',
      detail: `${signature.message}.${invalid ? ' The file was changed after it was signed: its contact details cannot be trusted.' : signature.status === 'no-key' ? ' The keys at its Encryption URLs did not make the signature.' : ''}`,
      evidence: `signer key ids: ${signature.signerKeyIds.join(', ') || '(none)'}`,
      remediation: invalid ? 'Sign the current file again (gpg --clearsign) and publish the result unchanged.' : 'Publish the signing key at an https Encryption URL in the file, or tell reporters its fingerprint.',
    });
  }
  const usable = file.fields.filter((f) => f.key === 'contact' && !file.problems.some((p) => p.line === f.line && p.rule.startsWith('contact-not')));
  const defeated = findings.some((f) => f.verdict === 'fail');
  if (!defeated && usable.length > 0 && file.expires) findings.push(passFinding(page, file, signature?.fingerprint));
  return findings;
}

function problemFinding(page: WebPage, p: SecurityTxtProblem): FindingDraft {
  const fails = p.level === 'must' && DEFEATING.has(p.rule);
  return {
    provisions: ['5.2-1'],
    severity: fails ? 'high' : p.level === 'must' ? 'low' : 'info',
    verdict: fails ? 'fail' : 'inconclusive',
    location: pageLocation(page, p.line || undefined),
    key: `${p.rule}:${p.line}`,
    title: `security.txt${p.line ? ` line ${p.line}` : ''}: ${p.message.length > 120 ? `${p.message.slice(0, 117)}...` : p.message}`,
    detail: `${p.message} (RFC 9116 section ${p.section}, ${p.level === 'must' ? 'a requirement' : 'a recommendation'}). ${page.url}, ${transportNote(page)}.`,
    evidence: `rule ${p.rule}`,
    remediation: REMEDIES[p.rule] ?? 'Correct the file as RFC 9116 describes, then publish it again.',
  };
}

function passFinding(page: WebPage, file: SecurityTxt, fingerprint: string | undefined): FindingDraft {
  return {
    provisions: ['5.2-1'], severity: 'info', verdict: 'pass', location: pageLocation(page), key: 'published',
    title: 'security.txt publishes a current disclosure contact',
    detail: `${page.url} (${transportNote(page)}) lists ${file.contact.length} contact(s), the first being ${file.contact[0]}, and is valid until ${file.expires!.toISOString()}.`
      + `${file.policy.length ? ` Policy: ${file.policy.join(', ')}.` : ''}${fingerprint ? ` Signed; signature verified with key ${fingerprint}.` : ''}`,
    evidence: `Contact: ${file.contact.join(', ')}; Expires: ${file.expires!.toISOString()}`,
    remediation: 'None needed. Renew Expires before it passes.',
  };
}

const REMEDIES: Record<string, string> = {
  'contact-missing': 'Add a Contact field: "Contact: mailto:security@your-domain" or an https URL of a report form.',
  'expired': 'Update the contents, set Expires to a date less than a year ahead, and publish (and sign) the file again.',
  'expires-missing': 'Add exactly one "Expires: <RFC 3339 date-time>" less than a year ahead.',
  'canonical-mismatch': 'List every URL the file is served from in Canonical fields, or serve it only where Canonical says.',
  'content-type': 'Serve the file with "Content-Type: text/plain; charset=utf-8".',
  'unsigned': 'Sign the file with an OpenPGP cleartext signature (gpg --clearsign) and add a Canonical field.',
};
