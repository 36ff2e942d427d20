import type { WebPage, WebPurpose } from '../../../checks/types.js';
import type { Manifest } from '../../../manifest/index.js';

export interface Target {
  readonly purpose: WebPurpose;
  readonly url: string;
  readonly origin: WebPage['origin'];
}

/** The pages a manifest names: security.txt of each declared domain (both locations) and each declared URL. */
export function manifestTargets(m: Manifest): Target[] {
  const targets: Target[] = [];
  for (const [index, domain] of (m.manufacturer.domains ?? []).entries()) {
    const origin = { kind: 'manifest' as const, path: ['manufacturer', 'domains', index] };
    targets.push({ purpose: 'security-txt', url: `https://${domain}/.well-known/security.txt`, origin });
    targets.push({ purpose: 'security-txt-legacy', url: `https://${domain}/security.txt`, origin });
  }
  const add = (purpose: WebPurpose, url: string | undefined, path: (string | number)[]) => {
    if (url && !targets.some((t) => t.purpose === purpose && t.url === url)) targets.push({ purpose, url, origin: { kind: 'manifest', path } });
  };
  const vdp = m.vulnerabilityDisclosure;
  add('security-txt', vdp?.securityTxtUrl, ['vulnerabilityDisclosure', 'securityTxtUrl']);
  add('disclosure-policy', vdp?.policyUrl, ['vulnerabilityDisclosure', 'policyUrl']);
  add('support-period', m.supportPeriod?.url, ['supportPeriod', 'url']);
  add('privacy-notice', m.personalData?.privacyNoticeUrl, ['personalData', 'privacyNoticeUrl']);
  add('deletion-instructions', m.personalData?.deletion?.instructionsUrl, ['personalData', 'deletion', 'instructionsUrl']);
  return targets;
}

const ORDER: readonly WebPurpose[] = ['security-txt', 'security-txt-legacy', 'pgp-key', 'disclosure-policy', 'support-period', 'privacy-notice', 'deletion-instructions'];

export function comparePages(a: WebPage, b: WebPage): number {
  return ORDER.indexOf(a.purpose) - ORDER.indexOf(b.purpose) || a.url.localeCompare(b.url);
}
