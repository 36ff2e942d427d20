import type { ProductPageModel } from '../../registry/public/product-page.js';
import { formatDate, html, layout, type Html } from './html.js';

const STATUS_TEXT: Record<ProductPageModel['label']['status'], string> = {
  valid: 'This label is valid.',
  expired: 'This label has expired: the facts below are no longer vouched for.',
  revoked: 'This label has been revoked: do not rely on the facts below.',
  tampered: 'This label could not be verified: its signature does not match.',
  'unknown-key': 'This label was signed with a key this registry does not trust.',
};

function statusBlock(m: ProductPageModel): Html {
  const l = m.label;
  const extra = l.status === 'revoked' && l.revocationReason ? html`<br>Reason: ${l.revocationReason}` : html``;
  const when = l.status === 'valid' ? html`<br>Valid until ${formatDate(l.expiresAt)}.` : html``;
  return html`<p class="status status-${l.status}" role="status">Label status: <strong>${l.status}</strong>. ${STATUS_TEXT[l.status]}${when}${extra}</p>`;
}

function supportBlock(m: ProductPageModel): Html {
  if (!m.support.end) return html`<p class="status status-warning">The manufacturer has not stated how long it will provide security updates.</p>`;
  if (m.support.ended) {
    return html`<p class="status status-warning"><strong>Security updates ended on ${formatDate(m.support.end)}.</strong> This product no longer receives security fixes; consider replacing it or keeping it off the internet.</p>`;
  }
  return html`<p><strong>Security updates until ${formatDate(m.support.end)}.</strong></p>`;
}

function updatesText(auto: boolean | null): string {
  if (auto === true) return 'Yes: security updates install automatically.';
  if (auto === false) return 'No: you need to install security updates yourself.';
  return 'Not stated by the manufacturer.';
}

function deletionBlock(d: ProductPageModel['deletion']): Html {
  if (!d.onDevice && !d.fromServices && !d.instructionsUrl) return html`<p>The manufacturer has not published how to delete your data.</p>`;
  return html`<dl>
${d.onDevice ? html`<dt>On the device</dt><dd>${d.onDevice}</dd>` : html``}
${d.fromServices ? html`<dt>From online services</dt><dd>${d.fromServices}</dd>` : html``}
${d.instructionsUrl ? html`<dt>Instructions</dt><dd><a href="${d.instructionsUrl}" rel="noopener">${d.instructionsUrl}</a></dd>` : html``}
</dl>`;
}

/** The page a label's QR code opens. */
export function renderProductPage(m: ProductPageModel, scannedWarning?: string): string {
  const title = `${m.product.brand} ${m.product.model}: security information`;
  const verdicts = m.verdicts.map((v) => html`<li class="v-${v.verdict}"><strong>${v.question}</strong><br>${v.words}</li>`);
  const body = html`<h1>${m.product.brand} ${m.product.model}</h1>
<p>${m.product.type}</p>
${scannedWarning ? html`<p class="status status-error" role="alert">${scannedWarning}</p>` : html``}
${statusBlock(m)}
${supportBlock(m)}
<h2>Manufacturer</h2>
<dl><dt>Name</dt><dd>${m.manufacturer.name}</dd><dt>Address</dt><dd>${m.manufacturer.address}</dd>
${m.manufacturer.website ? html`<dt>Website</dt><dd><a href="${m.manufacturer.website}" rel="noopener">${m.manufacturer.website}</a></dd>` : html``}
${m.product.gtin ? html`<dt>GTIN</dt><dd>${m.product.gtin}</dd>` : html``}</dl>
<h2>What the assessment found</h2>
<ul class="verdicts">${verdicts}</ul>
<h2>Security updates</h2>
<p>Automatic updates: ${updatesText(m.updatesAutomatic)}</p>
<h2>Report a security problem</h2>
<p>Found a vulnerability in this product? <a href="${m.reporting.formUrl}">Report it to ${m.manufacturer.name}</a>. No account is needed; the manufacturer promises to acknowledge it within ${m.reporting.acknowledgeWithinDays} days.
${m.reporting.email ? html` You can also write to <a href="mailto:${m.reporting.email}">${m.reporting.email}</a>.` : html``}</p>
<h2>Delete your data</h2>
${deletionBlock(m.deletion)}
<h2>Statement of compliance</h2>
${m.statement ? html`<p><a href="${m.statement.url}" download>Download the statement of compliance</a></p>` : html`<p>No statement of compliance has been published on this registry.</p>`}
<h2>Check this label yourself</h2>
<p class="hint">Label ${m.label.id}, issued ${formatDate(m.label.issuedAt)}, signed with key ${m.signed.kid}. <a href="${m.signed.keysUrl}">Registry keys</a> · <a href="${m.signed.revocationsUrl}">Revocation list</a> · <a href="?format=json">This page as JSON</a></p>`;
  return layout(title, body);
}
