import type { ReporterView } from '../../registry/vdp/reporter.js';
import { formatDate, html, layout } from './html.js';

/** The public disclosure form: a plain HTML form that posts to the inbox API, no script and no account. */
export function renderReportForm(org: { name: string; slug: string; ackDays: number }, apiPath: string): string {
  return layout(`Report a security problem to ${org.name}`, html`<h1>Report a security problem to ${org.name}</h1>
<p>Use this form to tell ${org.name} about a vulnerability in one of its products or services. You do not need an
account and you do not have to give your name or e-mail address. ${org.name} promises to acknowledge a report within
${org.ackDays} days. After sending you get a private link where you can follow what happens to your report.</p>
<form method="post" action="${apiPath}">
<label for="title">Summary</label>
<p class="hint" id="title-hint">One line, e.g. "Telnet open with a fixed root password".</p>
<input id="title" name="title" required minlength="3" maxlength="200" aria-describedby="title-hint">
<label for="product">Product (optional)</label>
<p class="hint" id="product-hint">Model name, barcode number (GTIN) or the label id from the product's security label.</p>
<input id="product" name="product" maxlength="200" aria-describedby="product-hint">
<label for="description">What did you find?</label>
<p class="hint" id="description-hint">What is affected, how to reproduce it, what an attacker could do.</p>
<textarea id="description" name="description" required minlength="10" maxlength="20000" aria-describedby="description-hint"></textarea>
<label for="contact">How to reach you (optional)</label>
<p class="hint" id="contact-hint">Leave empty to stay anonymous; you can still follow the report through your private link.</p>
<input id="contact" name="contact" maxlength="320" aria-describedby="contact-hint">
<button type="submit">Send report</button>
</form>`);
}

export function renderReportReceipt(r: { id: string; statusUrl: string; acknowledgeBy: string }, orgName: string): string {
  return layout('Report received', html`<h1>Thank you: your report was received</h1>
<p class="status status-valid" role="status">Report ${r.id} is in ${orgName}'s inbox. It should be acknowledged by ${formatDate(r.acknowledgeBy)}.</p>
<p>Keep this private link: it is the only way to follow your report, and anyone with it can read the replies.</p>
<p><a href="${r.statusUrl}"><code>${r.statusUrl}</code></a></p>`);
}

export function renderReporterStatus(v: ReporterView, postPath: string): string {
  const updates = v.updates.map((u) => html`<li><strong>${formatDate(u.at)}, ${u.author === 'manufacturer' ? v.organisation : 'you'}${u.status ? ` (${u.status})` : ''}:</strong> ${u.message}</li>`);
  const overdue = v.deadlines.acknowledgementOverdue || v.deadlines.updateOverdue
    ? html`<p class="status status-warning">${v.organisation} is late: ${v.deadlines.acknowledgementOverdue ? `it promised to acknowledge this report by ${formatDate(v.deadlines.acknowledgeBy)}` : `an update was due by ${formatDate(v.deadlines.nextUpdateBy)}`}.</p>`
    : html``;
  return layout(`Report ${v.id}`, html`<h1>${v.title}</h1>
<p class="status status-valid" role="status">Status: <strong>${v.status}</strong> (sent to ${v.organisation} on ${formatDate(v.receivedAt)})</p>
${overdue}
<h2>Updates</h2>
${updates.length ? html`<ol>${updates}</ol>` : html`<p>No updates yet.</p>`}
${v.status === 'published' ? html`` : html`<h2>Add information</h2>
<form method="post" action="${postPath}"><label for="message">Message</label>
<textarea id="message" name="message" required minlength="1" maxlength="20000"></textarea>
<button type="submit">Send</button></form>`}`);
}
