import { SEVERITIES, VERDICTS } from '../../model/index.js';
import { SEVERITY_LABEL, VERDICT_LABEL } from '../common/labels.js';
import type { Report, ReportProduct, VerdictCounts } from '../types.js';
import { severityBadge, verdictBadge } from './badges.js';
import { anchorId, html, type Html } from './escape.js';
import { cell, dataTable, rowHeader } from './table.js';

function productFacts(product: ReportProduct | null): Html {
  if (!product) return html`<p>No manifest was given, so the product, its manufacturer and its support period are not known.</p>`;
  const versions = product.firmwareVersions.length > 0 ? product.firmwareVersions.join(', ') : 'none declared';
  return html`<dl class="facts">
<dt>Manufacturer</dt><dd>${product.manufacturer.name}<br><span class="muted">${product.manufacturer.address}</span></dd>
<dt>Brand</dt><dd>${product.brand}</dd>
<dt>Model</dt><dd>${product.model}</dd>
<dt>Product type</dt><dd>${product.type}</dd>
${product.hardwareVersion === undefined ? '' : html`<dt>Hardware version</dt><dd>${product.hardwareVersion}</dd>\n`}${product.batch === undefined ? '' : html`<dt>Batch</dt><dd>${product.batch}</dd>\n`}<dt>Firmware versions</dt><dd>${versions}</dd>
<dt>Support period ends</dt><dd>${product.supportPeriodEnd ?? 'not declared'}</dd>
</dl>
`;
}

function countsText(c: VerdictCounts): string {
  return VERDICTS.map((v) => `${c[v]} ${VERDICT_LABEL[v].toLowerCase()}`).join(', ');
}

function headline(report: Report): Html {
  const top = report.priority.guidelines.join(', ');
  const rows = [
    html`<tr>${rowHeader('ETSI EN 303 645 V2.1.1')}${cell('Verdict', verdictBadge(report.etsi.verdict))}${cell('Why', html`${report.etsi.justification} <span class="muted">Mandatory provisions: ${countsText(report.etsi.mandatory)}.</span>`)}</tr>\n`,
    html`<tr>${rowHeader('UK PSTI Schedule 1')}${cell('Verdict', verdictBadge(report.psti.verdict))}${cell('Why', html`Worst verdict of its ${report.psti.requirements.length} security requirements; see <a href="#psti">PSTI</a>.`)}</tr>\n`,
    html`<tr>${rowHeader('Code of Practice top three')}${cell('Verdict', verdictBadge(report.priority.verdict))}${cell('Why', html`Worst verdict of the priority guidelines ${top}; see <a href="#guidelines">guidelines</a>.`)}</tr>\n`,
  ];
  return dataTable('Headline verdicts', [{ label: 'Framework' }, { label: 'Verdict' }, { label: 'Why' }], rows, 'stack headline');
}

function verdictCounts(report: Report): Html {
  const columns = [{ label: 'Provisions' }, ...VERDICTS.map((v) => ({ label: VERDICT_LABEL[v], numeric: true })), { label: 'Total', numeric: true }];
  const row = (label: string, c: VerdictCounts) => html`<tr>${rowHeader(label)}${VERDICTS.map((v) => cell(VERDICT_LABEL[v], c[v], true))}${cell('Total', VERDICTS.reduce((n, v) => n + c[v], 0), true)}</tr>\n`;
  return dataTable('EN 303 645 provisions by verdict', columns, [row('All', report.summary.provisions), row('Mandatory', report.summary.mandatory)], 'stack counts');
}

function psti(report: Report): Html {
  const rows = report.psti.requirements.map((r) => html`<tr>${rowHeader(`Paragraph ${r.paragraph}`)}${cell('Requirement', r.title)}${cell('Verdict', verdictBadge(r.verdict))}${cell('EN 303 645', provisionLinks(r.provisions))}${cell('Schedule 2 route', r.route ?? 'none: not deemed met')}${cell('Why', r.justification)}</tr>\n`);
  return html`<h3 id="psti">UK PSTI: Schedule 1 security requirements</h3>
${dataTable('PSTI Schedule 1 requirements, with the Schedule 2 route through which each is deemed met', [{ label: 'Schedule 1' }, { label: 'Requirement' }, { label: 'Verdict' }, { label: 'EN 303 645' }, { label: 'Schedule 2 route' }, { label: 'Why' }], rows)}`;
}

function priority(report: Report): Html {
  const top = report.guidelines.filter((g) => report.priority.guidelines.includes(g.id));
  const rows = top.map((g) => html`<tr>${rowHeader(html`<a href="#${anchorId('guideline', String(g.id))}">Guideline ${g.id}</a>`)}${cell('Title', g.title)}${cell('Verdict', verdictBadge(g.verdict))}${cell('Why', g.justification)}</tr>\n`);
  return html`<h3 id="priority">Code of Practice: the top three guidelines</h3>
<p>The Code asks for these first. Overall: ${verdictBadge(report.priority.verdict)}</p>
${dataTable('Priority guidelines', [{ label: 'Guideline' }, { label: 'Title' }, { label: 'Verdict' }, { label: 'Why' }], rows)}`;
}

function severities(report: Report): Html {
  const columns = [{ label: 'Severity' }, { label: 'Findings', numeric: true }];
  const rows = SEVERITIES.map((s) => html`<tr>${rowHeader(severityBadge(s))}${cell('Findings', report.summary.findings[s], true)}</tr>\n`);
  const total = SEVERITIES.reduce((n, s) => n + report.summary.findings[s], 0);
  rows.push(html`<tr>${rowHeader('Total')}${cell('Findings', total, true)}</tr>\n`);
  return html`<h3 id="severity">Findings by severity</h3>
${dataTable(`Findings by severity (${SEVERITIES.map((s) => SEVERITY_LABEL[s]).join(', ')})`, columns, rows, 'counts')}`;
}

export function provisionLinks(ids: readonly string[]): Html {
  return html`${ids.map((id, i) => html`${i > 0 ? ', ' : ''}<a href="#${anchorId('provision', id)}">${id}</a>`)}`;
}

export function summarySection(report: Report): Html {
  return html`<section class="major" id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<h3 id="product">Product</h3>
${productFacts(report.product)}
<h3 id="verdicts">Verdicts</h3>
${headline(report)}
${verdictCounts(report)}
${psti(report)}
${priority(report)}
${severities(report)}
</section>
`;
}
