import { guidelinesOf } from '../../catalogue/index.js';
import type { Finding, Location } from '../../model/index.js';
import { hostPort, locationParts } from '../common/location.js';
import type { Report } from '../types.js';
import { severityBadge, verdictBadge } from './badges.js';
import { anchorId, externalHref, html, type Html } from './escape.js';
import { provisionLinks } from './summary.js';

/** The guideline filter values a finding matches: the guidelines of its provisions, `general` for clause 4. */
function guidelineKeys(f: Finding): string {
  const keys = new Set<string>();
  for (const p of f.provisions) {
    if (p.startsWith('4-')) keys.add('general');
    else for (const g of guidelinesOf(p)) keys.add(String(g));
  }
  return [...keys].join(' ');
}

/** Every location field that is set; URLs are links only when they are http(s). */
export function locationList(l: Location): Html {
  const parts = locationParts(l);
  if (parts.length === 0) return html`<span class="muted">not located</span>`;
  const items = parts.map((p) => {
    const href = p.key === 'url' ? externalHref(p.value) : undefined;
    const value = href === undefined ? html`<code>${p.value}</code>` : html`<a href="${href}" rel="noopener noreferrer nofollow"><code>${p.value}</code></a>`;
    return html`<dt>${p.label}</dt><dd>${value}</dd>`;
  });
  const endpoint = l.host !== undefined && l.port !== undefined ? html`<dt>Endpoint</dt><dd><code>${hostPort(l.host, l.port)}</code></dd>` : '';
  return html`<dl class="facts">${items}${endpoint}</dl>`;
}

function findingArticle(f: Finding): Html {
  const headingId = anchorId('finding-h', f.id);
  return html`<article class="finding" id="${anchorId('finding', f.id)}" aria-labelledby="${headingId}" data-filter data-verdict="${f.verdict}" data-severity="${f.severity}" data-guideline="${guidelineKeys(f)}">
<h3 id="${headingId}">${f.title}</h3>
<p>${severityBadge(f.severity)} ${verdictBadge(f.verdict)}</p>
<dl class="facts">
<dt>Finding</dt><dd><code>${f.id}</code></dd>
<dt>Check</dt><dd><a href="#${anchorId('check', f.check)}"><code>${f.check}</code></a></dd>
<dt>Provisions</dt><dd>${provisionLinks(f.provisions)}</dd>
</dl>
<h4>Location</h4>
${locationList(f.location)}
<h4>Detail</h4>
<p class="prose">${f.detail}</p>
<h4>Evidence</h4>
<pre><code>${f.evidence}</code></pre>
<h4>Remediation</h4>
<p class="prose">${f.remediation}</p>
</article>
`;
}

export function findingsSection(report: Report): Html {
  const count = report.findings.length;
  const body = count === 0
    ? html`<p>No check reported a finding. Provisions without findings rest on the basis shown in their row.</p>`
    : html`<div data-filter-group>
${report.findings.map(findingArticle)}</div>`;
  return html`<section class="major" id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
<p>${count} finding${count === 1 ? '' : 's'}, most severe first. Evidence never shows a secret in full.</p>
${body}
</section>
`;
}
