import type { Finding, Severity } from '../../model/index.js';
import type { Report } from '../types.js';
import type { SarifLevel, SarifRule } from './types.js';

/**
 * Level of a result: a failed check is `error` when critical or high, `warning` when medium, `note` when low or
 * info; an inconclusive finding (the check could not tell) is always a `note`. Passing findings are not results.
 */
export function levelOf(f: Pick<Finding, 'verdict' | 'severity'>): SarifLevel {
  if (f.verdict !== 'fail') return 'note';
  if (f.severity === 'critical' || f.severity === 'high') return 'error';
  return f.severity === 'medium' ? 'warning' : 'note';
}

/** GitHub code scanning reads `security-severity` (0.0-10.0, CVSS bands) from the rule to rank alerts. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string | undefined>> = {
  critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: undefined,
};
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byProvision = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function ruleFor(id: string, title: string, declared: readonly string[], findings: readonly Finding[]): SarifRule {
  const provisions = [...new Set([...declared, ...findings.flatMap((f) => f.provisions)])].sort(byProvision);
  const remediations = [...new Set(findings.map((f) => f.remediation))].sort(byCodeUnit);
  const reported = findings.filter((f) => f.verdict !== 'pass').sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const securitySeverity = reported[0] === undefined ? undefined : SECURITY_SEVERITY[reported[0].severity];
  const informs = provisions.length > 0 ? ` It informs ETSI EN 303 645 provisions ${provisions.join(', ')}.` : '';
  return {
    id,
    name: id,
    shortDescription: { text: title },
    fullDescription: { text: `${title}.${informs}` },
    help: { text: remediations.length > 0 ? remediations.join('\n\n') : `${title}. This check reported no finding in this run.` },
    properties: {
      provisions,
      tags: ['security', 'iot', 'etsi-en-303-645', ...provisions.map((p) => `en-303-645/${p}`)],
      ...(securitySeverity === undefined ? {} : { 'security-severity': securitySeverity }),
    },
  };
}

/**
 * One rule per check id, from the checks that ran or were skipped plus any check that only appears in findings,
 * sorted by id. A rule lists the provisions the check declares plus any its findings name.
 */
export function rulesOf(report: Report): SarifRule[] {
  const titles = new Map(report.checks.map((c) => [c.id, c.title]));
  const declared = new Map(report.checks.map((c) => [c.id, c.provisions]));
  for (const f of report.findings) if (!titles.has(f.check)) titles.set(f.check, f.check);
  return [...titles.keys()].sort(byCodeUnit).map((id) => ruleFor(id, titles.get(id)!, declared.get(id) ?? [], report.findings.filter((f) => f.check === id)));
}
