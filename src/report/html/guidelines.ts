import { BASIS_LABEL, conditionText, statusCode, VERDICT_LABEL } from '../common/labels.js';
import { groupByGuideline } from '../common/groups.js';
import type { Finding } from '../../model/index.js';
import type { GuidelineResult, ProvisionResult, Report, VerdictCounts } from '../types.js';
import { verdictBadge } from './badges.js';
import { anchorId, html, type Html } from './escape.js';
import { cell, dataTable, rowHeader } from './table.js';

const COLUMNS = [
  { label: 'Provision' }, { label: 'Status' }, { label: 'Requirement' }, { label: 'Verdict' },
  { label: 'Basis' }, { label: 'Justification' }, { label: 'Findings' },
];

/** Renders provision rows; a provision listed under two guidelines gets its anchor only the first time. */
class ProvisionRows {
  private readonly anchored = new Set<string>();
  private readonly findings: ReadonlyMap<string, Finding>;

  constructor(report: Report) {
    this.findings = new Map(report.findings.map((f) => [f.id, f]));
  }

  row(p: ProvisionResult, guideline: string): Html {
    const id = this.anchored.has(p.id) ? undefined : anchorId('provision', p.id);
    this.anchored.add(p.id);
    const severities = [...new Set(p.findings.map((f) => this.findings.get(f)?.severity).filter((s) => s !== undefined))].sort();
    const status = p.condition
      ? html`${statusCode(p)}<br><span class="muted">Condition: ${conditionText(p.condition)}</span>`
      : html`${statusCode(p)}`;
    const links = p.findings.length === 0 ? html`<span class="muted">none</span>` : html`${p.findings.map((f, i) => html`${i > 0 ? html`<br>` : ''}<a href="#${anchorId('finding', f)}"><code>${f}</code></a>`)}`;
    return html`<tr data-filter data-verdict="${p.verdict}" data-severity="${severities.join(' ')}" data-guideline="${guideline}">${rowHeader(p.id, id)}${cell('Status', status)}${cell('Requirement', p.gist)}${cell('Verdict', verdictBadge(p.verdict))}${cell('Basis', BASIS_LABEL[p.basis] ?? p.basis)}${cell('Justification', html`<span class="prose">${p.justification}</span>`)}${cell('Findings', links)}</tr>\n`;
  }
}

function countsLine(c: VerdictCounts): string {
  return (['pass', 'fail', 'inconclusive', 'not-applicable'] as const).map((v) => `${c[v]} ${VERDICT_LABEL[v].toLowerCase()}`).join(', ');
}

function guidelineBlock(g: GuidelineResult, provisions: readonly ProvisionResult[], rows: ProvisionRows): Html {
  const headingId = anchorId('guideline-h', String(g.id));
  return html`<section class="guideline" id="${anchorId('guideline', String(g.id))}" aria-labelledby="${headingId}" data-filter-group>
<h3 id="${headingId}">Guideline ${g.id}: ${g.title}${g.priority ? html` <span class="muted">(top-three priority)</span>` : ''}</h3>
<p>${verdictBadge(g.verdict)} ${g.justification} <span class="muted">Provisions: ${countsLine(g.provisions)}.</span></p>
${dataTable(`EN 303 645 provisions under guideline ${g.id}`, COLUMNS, provisions.map((p) => rows.row(p, String(g.id))))}</section>
`;
}

export function guidelinesSection(report: Report): Html {
  const { groups, general } = groupByGuideline(report);
  const rows = new ProvisionRows(report);
  return html`<section class="major" id="guidelines" aria-labelledby="guidelines-h">
<h2 id="guidelines-h">Guidelines of the Code of Practice</h2>
<p>Each of the 13 guidelines with the ETSI EN 303 645 provisions that implement it. Status: M mandatory, R recommended, C conditional (applies only when its condition holds).</p>
${groups.map((g) => guidelineBlock(g.guideline, g.provisions, rows))}
<section class="guideline" id="general" aria-labelledby="general-h" data-filter-group>
<h3 id="general-h">Clause 4: reporting the implementation (all guidelines)</h3>
${dataTable('EN 303 645 clause 4 provisions', COLUMNS, general.map((p) => rows.row(p, 'general')))}</section>
</section>
`;
}
