import { SEVERITIES, VERDICTS, type Finding, type Verdict } from '../../model/index.js';
import { BASIS_LABEL, conditionText, SEVERITY_LABEL, statusCode, VERDICT_LABEL, VERDICT_SYMBOL } from '../common/labels.js';
import { locationParts } from '../common/location.js';
import type { ProvisionResult, Report, VerdictCounts } from '../types.js';
import { mdCell, mdCode, mdCodeCell, mdFence, mdTable, mdText } from './escape.js';

export const verdictMd = (v: Verdict): string => `${VERDICT_SYMBOL[v]} ${VERDICT_LABEL[v]}`;

export function productMd(report: Report): string {
  const p = report.product;
  if (!p) return '## Product\n\nNo manifest was given, so the product, its manufacturer and its support period are not known.';
  const items = [
    ['Manufacturer', `${mdText(p.manufacturer.name)}, ${mdText(p.manufacturer.address)}`],
    ['Brand and model', `${mdText(p.brand)} ${mdText(p.model)}`],
    ['Product type', mdText(p.type)],
    ...(p.hardwareVersion === undefined ? [] : [['Hardware version', mdText(p.hardwareVersion)]]),
    ...(p.batch === undefined ? [] : [['Batch', mdText(p.batch)]]),
    ['Firmware versions', p.firmwareVersions.length > 0 ? p.firmwareVersions.map(mdCode).join(', ') : 'none declared'],
    ['Support period ends', p.supportPeriodEnd === undefined ? 'not declared' : mdText(p.supportPeriodEnd)],
  ];
  return `## Product\n\n${items.map(([k, v]) => `- **${k}:** ${v}`).join('\n')}`;
}

const countCells = (c: VerdictCounts) => [...VERDICTS.map((v) => String(c[v])), String(VERDICTS.reduce((n, v) => n + c[v], 0))];

export function headlineMd(report: Report): string {
  const verdicts = mdTable(['Framework', 'Verdict', 'Why'], [
    ['ETSI EN 303 645 V2.1.1', verdictMd(report.etsi.verdict), mdCell(report.etsi.justification)],
    ['UK PSTI Schedule 1', verdictMd(report.psti.verdict), `Worst of its ${report.psti.requirements.length} security requirements (below).`],
    [`Code of Practice top three (guidelines ${report.priority.guidelines.join(', ')})`, verdictMd(report.priority.verdict), 'Worst verdict of the priority guidelines.'],
  ]);
  const counts = mdTable(['Provisions', ...VERDICTS.map((v) => VERDICT_LABEL[v]), 'Total'], [
    ['All', ...countCells(report.summary.provisions)],
    ['Mandatory', ...countCells(report.summary.mandatory)],
  ]);
  const total = SEVERITIES.reduce((n, s) => n + report.summary.findings[s], 0);
  const severities = mdTable([...SEVERITIES.map((s) => SEVERITY_LABEL[s]), 'Total'], [[...SEVERITIES.map((s) => String(report.summary.findings[s])), String(total)]]);
  return `## Verdicts\n\n${verdicts}\n\n${counts}\n\nFindings by severity:\n\n${severities}`;
}

export function pstiMd(report: Report): string {
  const rows = report.psti.requirements.map((r) => [
    `Paragraph ${r.paragraph}`, mdCell(r.title), verdictMd(r.verdict), r.provisions.map(mdCodeCell).join(', '),
    r.route === null ? 'none: not deemed met' : mdCell(r.route), mdCell(r.justification),
  ]);
  return `## UK PSTI: Schedule 1 security requirements\n\n${mdTable(['Schedule 1', 'Requirement', 'Verdict', 'EN 303 645', 'Schedule 2 route', 'Why'], rows)}`;
}

export function guidelinesMd(report: Report): string {
  const rows = report.guidelines.map((g) => [
    String(g.id), `${mdCell(g.title)}${g.priority ? ' (priority)' : ''}`, verdictMd(g.verdict),
    ...VERDICTS.map((v) => String(g.provisions[v])), mdCell(g.justification),
  ]);
  return `## Guidelines of the Code of Practice\n\n${mdTable(['#', 'Guideline', 'Verdict', ...VERDICTS.map((v) => VERDICT_LABEL[v]), 'Why'], rows)}`;
}

function provisionRow(p: ProvisionResult): string[] {
  const status = p.condition ? `${statusCode(p)}: ${mdCell(conditionText(p.condition))}` : statusCode(p);
  return [mdCodeCell(p.id), status, mdCell(p.gist), BASIS_LABEL[p.basis] ?? mdCell(p.basis), mdCell(p.justification), p.findings.map(mdCodeCell).join('<br>')];
}

export function openProvisionsMd(report: Report): string {
  const parts = (['fail', 'inconclusive'] as const).map((v) => {
    const list = report.provisions.filter((p) => p.verdict === v);
    const title = `### ${verdictMd(v)} (${list.length})`;
    if (list.length === 0) return `${title}\n\nNone.`;
    return `${title}\n\n${mdTable(['Provision', 'Status', 'Requirement', 'Basis', 'Justification', 'Findings'], list.map(provisionRow))}`;
  });
  return `## Failing and inconclusive provisions\n\n${parts.join('\n\n')}`;
}

function locationMd(f: Finding): string {
  const parts = locationParts(f.location);
  return parts.length === 0 ? 'not located' : parts.map((p) => `${p.label.toLowerCase()} ${mdCode(p.value)}`).join(', ');
}

function findingMd(f: Finding, index: number): string {
  return [
    `### ${index + 1}. ${verdictMd(f.verdict)}, ${SEVERITY_LABEL[f.severity]}: ${mdText(f.title)}`,
    '',
    `- **Finding:** ${mdCode(f.id)} from check ${mdCode(f.check)}`,
    `- **Provisions:** ${f.provisions.map(mdCode).join(', ')}`,
    `- **Location:** ${locationMd(f)}`,
    `- **Detail:** ${mdText(f.detail)}`,
    `- **Remediation:** ${mdText(f.remediation)}`,
    '',
    '**Evidence:**',
    '',
    mdFence(f.evidence),
  ].join('\n');
}

export function findingsMd(report: Report): string {
  if (report.findings.length === 0) return '## Findings\n\nNo check reported a finding.';
  return `## Findings\n\n${report.findings.map(findingMd).join('\n\n')}`;
}

export function checksMd(report: Report): string {
  const counts = (['ran', 'skipped', 'error'] as const).map((s) => `${report.checks.filter((c) => c.status === s).length} ${s}`).join(', ');
  const notRun = report.checks.filter((c) => c.status !== 'ran').map((c) => `- ${mdCode(c.id)} ${c.status}: ${mdText(c.reason ?? 'no reason given')}`);
  return `## Checks\n\n${report.checks.length} checks: ${counts}.${notRun.length > 0 ? `\n\n${notRun.join('\n')}` : ''}`;
}
