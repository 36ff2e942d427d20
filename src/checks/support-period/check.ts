import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';

const DAY = 24 * 60 * 60 * 1000;

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const m = ctx.evidence.manifest?.manifest;
  if (!m) return Promise.resolve([]);
  const period = m.data.supportPeriod;
  if (!period) {
    return Promise.resolve([{
      provisions: ['5.3-13'],
      severity: 'high',
      verdict: 'fail',
      title: 'No defined support period',
      detail: 'The manifest declares no support period end date. PSTI Schedule 1 paragraph 3 and EN 303 645 5.3-13 require the manufacturer to publish until when security updates will be provided.',
      location: { path: m.path, line: m.locate([]).line },
      evidence: 'supportPeriod: (absent)',
      remediation: 'Decide the last day security updates are guaranteed, publish it on the product page and declare it as `supportPeriod.end` (and `supportPeriod.url`).',
    }]);
  }
  const findings: FindingDraft[] = [];
  const end = Date.parse(`${period.end}T23:59:59Z`);
  const where = { path: m.path, line: m.locate(['supportPeriod', 'end']).line };
  if (end < ctx.now.getTime()) {
    const days = Math.floor((ctx.now.getTime() - end) / DAY);
    findings.push({
      provisions: ['5.3-8'],
      severity: 'high',
      verdict: 'fail',
      title: 'The support period has ended',
      detail: `The defined support period ended on ${period.end} (${days} days ago): the product no longer receives security updates, so vulnerabilities found from now on will not be fixed.`,
      location: where,
      evidence: `supportPeriod.end: ${period.end}`,
      remediation: 'Extend the support period and publish the new end date, or stop selling the product and tell owners it is out of support.',
    });
  }
  if (!period.url) {
    findings.push({
      provisions: ['5.3-13'],
      severity: 'medium',
      verdict: 'inconclusive',
      title: 'Support period declared but not where it is published',
      detail: `The manifest declares an end date (${period.end}) but no supportPeriod.url, so iotcop cannot check that it is published clearly and accessibly.`,
      location: where,
      evidence: `supportPeriod.end: ${period.end}; supportPeriod.url: (absent)`,
      remediation: 'Publish the support period on a public page (product page or support site) and declare its address as `supportPeriod.url`.',
    });
  }
  return Promise.resolve(findings);
}
