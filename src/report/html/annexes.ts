import { VERDICT_LABEL } from '../common/labels.js';
import { offsetText } from '../common/location.js';
import type { FirmwareSummary, Report } from '../types.js';
import { checkStatusBadge, verdictBadge } from './badges.js';
import { anchorId, html, type Html } from './escape.js';
import { provisionLinks } from './summary.js';
import { cell, dataTable, rowHeader } from './table.js';

export function craSection(report: Report): Html {
  const rows = report.cra.requirements.map((r) => html`<tr>${rowHeader(r.reference)}${cell('Part', r.part)}${cell('Requirement', r.summary)}${cell('Relationship', r.relationship)}${cell('Coverage', r.coverage)}${cell('EN 303 645', provisionLinks(r.provisions))}${cell('Evidence', verdictBadge(r.verdict))}</tr>\n`);
  return html`<section class="major" id="cra" aria-labelledby="cra-h">
<h2 id="cra-h">EU Cyber Resilience Act: Annex I coverage</h2>
<p>How far the EN 303 645 verdicts go towards each essential requirement. This is evidence towards the requirement, not a statement of CRA conformity: a partial coverage means EN 303 645 asks for less than the CRA.</p>
${dataTable('CRA Annex I requirements and the EN 303 645 provisions that give evidence towards them', [{ label: 'Annex I' }, { label: 'Part' }, { label: 'Requirement' }, { label: 'Relationship' }, { label: 'Coverage' }, { label: 'EN 303 645' }, { label: 'Evidence' }], rows)}</section>
`;
}

export function checksSection(report: Report): Html {
  const rows = report.checks.map((c) => html`<tr>${rowHeader(html`<code>${c.id}</code>`, anchorId('check', c.id))}${cell('Title', c.title)}${cell('Status', checkStatusBadge(c.status))}${cell('Reason', c.reason ?? '')}${cell('Findings', c.findings, true)}</tr>\n`);
  const counts = (['ran', 'skipped', 'error'] as const).map((s) => `${report.checks.filter((c) => c.status === s).length} ${s}`).join(', ');
  return html`<section class="major" id="checks" aria-labelledby="checks-h">
<h2 id="checks-h">Checks</h2>
<p>${report.checks.length} checks: ${counts}. A skipped check could not look, so the provisions it informs are not passed on its account.</p>
${dataTable('Checks that ran or were skipped, with the reason', [{ label: 'Check' }, { label: 'Title' }, { label: 'Status' }, { label: 'Reason' }, { label: 'Findings', numeric: true }], rows)}</section>
`;
}

function firmwareBlock(fw: FirmwareSummary): Html {
  const layers = fw.layers.map((l) => html`<tr>${rowHeader(html`<code>${l.id}</code>`)}${cell('Format', l.format)}${cell('Offset', offsetText(l.offset))}${cell('Length', l.length, true)}${cell('Problem', l.error ?? '')}</tr>\n`);
  const opaque = fw.opaqueRegions.map((r) => html`<tr>${rowHeader(offsetText(r.offset))}${cell('Length', r.length, true)}${cell('Entropy (bits/byte)', r.entropy.toFixed(3), true)}</tr>\n`);
  return html`<h3><code>${fw.image}</code></h3>
<dl class="facts"><dt>SHA-256</dt><dd><code>${fw.sha256}</code></dd><dt>Size</dt><dd>${fw.size} bytes</dd><dt>File systems</dt><dd>${fw.filesystems}</dd><dt>Entries</dt><dd>${fw.entries}</dd></dl>
${dataTable('Layers found in the image', [{ label: 'Layer' }, { label: 'Format' }, { label: 'Offset' }, { label: 'Length', numeric: true }, { label: 'Problem' }], layers)}${opaque.length === 0 ? '' : dataTable('Unrecognised high-entropy regions', [{ label: 'Offset' }, { label: 'Length', numeric: true }, { label: 'Entropy (bits/byte)', numeric: true }], opaque)}`;
}

export function inputsSection(report: Report): Html {
  const rows = report.inputs.map((i) => html`<tr>${rowHeader(html`<code>${i.path}</code>`)}${cell('Kind', i.kind)}${cell('Size', i.size === undefined ? '' : `${i.size} bytes`, true)}${cell('SHA-256', i.sha256 === undefined ? '' : html`<code>${i.sha256}</code>`)}</tr>\n`);
  return html`<section class="major" id="inputs" aria-labelledby="inputs-h">
<h2 id="inputs-h">Inputs</h2>
${dataTable('What was assessed', [{ label: 'Input' }, { label: 'Kind' }, { label: 'Size', numeric: true }, { label: 'SHA-256' }], rows)}${report.firmware.map(firmwareBlock)}</section>
`;
}

export function filterPanel(report: Report): Html {
  const option = (value: string, label: string) => html`<option value="${value}">${label}</option>`;
  const verdicts = (['pass', 'fail', 'inconclusive', 'not-applicable'] as const).map((v) => option(v, VERDICT_LABEL[v]));
  const severities = (['critical', 'high', 'medium', 'low', 'info'] as const).map((s) => option(s, s[0]!.toUpperCase() + s.slice(1)));
  const guidelines = report.guidelines.map((g) => option(String(g.id), `${g.id}. ${g.title}`));
  return html`<section class="filters" id="filters" aria-labelledby="filters-h" hidden>
<h2 id="filters-h">Filter provisions and findings</h2>
<form id="filter-form" role="search" aria-describedby="filter-status">
<fieldset>
<label>Verdict <select name="verdict"><option value="">Any</option>${verdicts}</select></label>
<label>Severity <select name="severity"><option value="">Any</option>${severities}</select></label>
<label>Guideline <select name="guideline"><option value="">Any</option>${guidelines}<option value="general">Clause 4 (all guidelines)</option></select></label>
<label>Text <input type="search" name="text" autocomplete="off"></label>
<button type="reset">Clear</button>
</fieldset>
</form>
<p id="filter-status" role="status" aria-live="polite"></p>
</section>
`;
}
