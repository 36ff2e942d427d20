import type { Component } from '../../analysis/components/index.js';
import { where, type Target } from '../../analysis/tree/index.js';
import type { FindingDraft, Severity } from '../../model/index.js';
import type { VulnMatch } from '../../vulndb/index.js';

const PROVISIONS = ['5.2-3', '5.3-8'] as const;

/** The id a reader looks for first: a CVE, then a GHSA, then the record's own. */
export function primaryId(ids: readonly string[], own: string): string {
  return ids.find((i) => i.startsWith('CVE-')) ?? ids.find((i) => i.startsWith('GHSA-')) ?? own;
}

export function locationOf(t: Target, c: Component): FindingDraft['location'] {
  const o = c.occurrences[0];
  if (!o) return { image: t.image };
  return o.path.includes(' (') ? { image: t.image, path: o.path } : where(t, o.path, { ...(o.line ? { line: o.line } : {}), ...(o.offset !== undefined ? { offset: o.offset } : {}) });
}

function cvssText(m: VulnMatch): string {
  const a = m.advisory;
  return a.score !== undefined ? `CVSS ${a.score}${a.vector ? ` (${a.vector})` : ''}` : a.vector ? a.vector : 'no CVSS score recorded';
}

function remediation(m: VulnMatch): string {
  const c = m.component;
  if (m.fixed) return `Update ${c.name} to ${m.fixed} or later (${m.via === 'ecosystem' ? `the ${m.ecosystem} package` : 'upstream'}) and ship the update to devices in the field.`;
  if (m.lastAffected) return `Update ${c.name} past ${m.lastAffected}, the last affected version, or apply the upstream patch.`;
  return `No fixed version is recorded: apply the vendor's patch or mitigation for ${primaryId(m.ids, m.advisory.id)}, or remove ${c.name} if it is not needed.`;
}

/** One finding per vulnerability of a component: `fail` when affected, `inconclusive` when a backport may fix it. */
export function matchFinding(t: Target, m: VulnMatch): FindingDraft {
  const c = m.component;
  const a = m.advisory;
  const id = primaryId(m.ids, a.id);
  const severity: Severity = a.severity ?? 'medium';
  const how = m.via === 'ecosystem' ? `${m.ecosystem} advisory for source package ${m.name}` : `CPE range of ${m.name}`;
  const fix = m.fixed ? `fixed in ${m.fixed}` : m.lastAffected ? `last affected version ${m.lastAffected}` : 'no fixed version recorded';
  const text = (a.summary || a.details).replace(/\s+/g, ' ').slice(0, 300);
  const backport = m.status === 'backport-possible';
  return {
    provisions: PROVISIONS, severity, verdict: backport ? 'inconclusive' : 'fail', key: `${c.purl}:${a.id}`,
    title: `${id} in ${c.name} ${c.version ?? ''}`.trim(),
    detail: `${c.name} ${c.version ?? ''} (${c.identifiedBy}: ${c.evidence}) is affected by ${m.ids.join(', ')} according to the ${how} (${m.scheme} version order; ${fix}). ${cvssText(m)}.${text ? ` ${text}` : ''}${backport ? ` Not certain: ${m.reason ?? 'a distribution built this component'}; check its changelog for ${id}.` : ''}`,
    location: locationOf(t, c),
    evidence: `${c.purl} | ${m.ids.join(' ')} | ${cvssText(m)} | ${fix}`,
    remediation: remediation(m),
  };
}
