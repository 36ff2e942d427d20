import { declaredBy, endpointsOf, type Endpoint } from '../../analysis/endpoints/index.js';
import { targetsOf, unreadImages, where, type Target } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';

/** Most per-endpoint findings per filesystem; the rest are summed up in one. */
const MAX_FINDINGS = 40;

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const out = unreadImages(ctx.evidence.firmware, ['6-1', '6-4'], 'The endpoints the firmware contacts');
  const manifest = ctx.evidence.manifest?.manifest;
  const declared = manifest?.data.cloudEndpoints?.map((e) => e.host);
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`endpoints named in ${t.image}`);
    const eps = await endpointsOf(t.vfs);
    out.push(...capped(t, eps.filter((e) => e.plaintext).map((e) => cleartext(t, e)), 'cleartext endpoints'));
    out.push(...(declared ? capped(t, undeclared(t, eps, declared, manifest!.path), 'undeclared endpoints') : inventoryOnly(t, eps, manifest !== undefined)));
  }
  return out;
}

const where1 = (t: Target, e: Endpoint) => {
  const s = e.sources[0]!;
  return where(t, s.path, s.line ? { line: s.line } : s.offset !== undefined ? { offset: s.offset } : {});
};
const sourcesText = (e: Endpoint) => e.sources.slice(0, 5).map((s) => `${s.path}${s.line ? `:${s.line}` : s.offset !== undefined ? ` @${s.offset}` : ''} (${s.kind})`).join(', ') + (e.sources.length > 5 ? ` and ${e.sources.length - 5} more` : '');
const label = (e: Endpoint) => `${e.scheme}://${e.host}${e.port ? `:${e.port}` : ''}`;

function cleartext(t: Target, e: Endpoint): FindingDraft {
  const configured = e.sources.some((s) => s.kind === 'config' || s.kind === 'script');
  const risky = ['mqtt', 'tcp', 'telnet', 'ftp', 'tftp'].includes(e.scheme);
  const feed = e.purpose === 'package-feed';
  return {
    provisions: ['5.5-1', '5.8-1'], severity: configured && !feed ? (risky ? 'medium' : 'low') : 'info', verdict: 'inconclusive', key: `cleartext:${label(e)}`,
    title: `Cleartext ${e.scheme.toUpperCase()} endpoint ${e.host}`,
    detail: `The firmware names ${label(e)} in ${sourcesText(e)}. ${e.scheme.toUpperCase()} carries data, and any credentials, unencrypted: anyone on the path can read and change it.${feed ? ' This is a package feed: signed package indexes protect integrity, but not confidentiality.' : ''} Review what is sent there.`,
    location: where1(t, e), evidence: (e.urls.length ? e.urls : [label(e)]).slice(0, 3).join(' '),
    remediation: `Use the TLS form of the protocol (${e.scheme === 'http' ? 'https' : e.scheme === 'mqtt' || e.scheme === 'tcp' ? 'mqtts on 8883' : e.scheme === 'ftp' ? 'ftps or sftp' : 'its TLS variant'}) with certificate verification.`,
  };
}

function undeclared(t: Target, eps: readonly Endpoint[], declared: readonly string[], manifestPath: string): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const e of eps) {
    if (declaredBy(e.host, declared)) continue;
    const configured = e.sources.some((s) => s.kind === 'config' || s.kind === 'script');
    out.push({
      provisions: ['6-1', '6-4'], severity: configured ? 'medium' : 'low', verdict: configured ? 'fail' : 'inconclusive', key: `undeclared:${label(e)}`,
      title: `Endpoint ${e.host} is not declared in the manifest`,
      detail: `${label(e)}${e.purpose ? ` (${e.purpose})` : ''} is named in ${sourcesText(e)}, but ${manifestPath} does not list it under cloudEndpoints (${declared.length ? declared.join(', ') : 'none declared'}). Consumers are told where their data goes only for declared endpoints.${configured ? '' : ' It is only a string in a program or page, so whether it is contacted needs review.'}`,
      location: where1(t, e), evidence: (e.urls.length ? e.urls : [label(e)]).slice(0, 3).join(' '),
      remediation: `Declare ${e.host} (with its protocol and purpose) under cloudEndpoints and in the privacy notice, or remove it from the firmware.`,
    });
  }
  if (out.length === 0 && eps.length > 0) {
    out.push({
      provisions: [], severity: 'info', verdict: 'pass', key: 'all-declared',
      title: `All ${eps.length} endpoint(s) the firmware names are declared`,
      detail: `Every host found (${eps.map((e) => e.host).join(', ')}) is covered by the manifest's cloudEndpoints.`,
      location: where(t, '/'), evidence: eps.map(label).join(' '), remediation: 'Nothing to fix.',
    });
  }
  return out;
}

function inventoryOnly(t: Target, eps: readonly Endpoint[], hasManifest: boolean): FindingDraft[] {
  if (eps.length === 0) return [];
  return [{
    provisions: ['6-1', '6-4'], severity: 'info', verdict: 'inconclusive', key: 'inventory',
    title: `${eps.length} endpoint(s) found; none can be compared with declared ones`,
    detail: `The firmware names ${eps.map((e) => `${label(e)}${e.purpose ? ` (${e.purpose})` : ''}`).join(', ')}. ${hasManifest ? 'The manifest has no cloudEndpoints list' : 'No manifest was given'}, so whether these are the endpoints consumers are told about cannot be checked. The report lists each with where it was found.`,
    location: where(t, '/'), evidence: eps.slice(0, 30).map(label).join(' '),
    remediation: 'List the endpoints the product contacts (host, protocol, purpose) under cloudEndpoints in iotcop.yaml.',
  }];
}

function capped(t: Target, findings: FindingDraft[], what: string): FindingDraft[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const rest = findings.slice(MAX_FINDINGS);
  return [...findings.slice(0, MAX_FINDINGS), {
    ...rest[0]!, key: `more:${what}`, title: `${rest.length} more ${what}`,
    detail: `Besides the ${MAX_FINDINGS} reported one by one: ${rest.map((f) => f.evidence).join(', ').slice(0, 2000)}.`, location: where(t, '/'),
  }];
}
