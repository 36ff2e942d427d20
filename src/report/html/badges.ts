import type { Severity, Verdict } from '../../model/index.js';
import { SEVERITY_LABEL, VERDICT_LABEL, VERDICT_SYMBOL } from '../common/labels.js';
import { html, type Html } from './escape.js';

const SEVERITY_SYMBOL: Readonly<Record<Severity, string>> = {
  critical: '\u25C6', high: '\u25B2', medium: '\u25CF', low: '\u25BD', info: 'i',
};

/** A verdict as symbol + word; colour and border style only add to it (WCAG 1.4.1). */
export function verdictBadge(verdict: Verdict): Html {
  return html`<span class="badge v-${verdict}"><span class="sym" aria-hidden="true">${VERDICT_SYMBOL[verdict]}</span> ${VERDICT_LABEL[verdict] ?? verdict}</span>`;
}

export function severityBadge(severity: Severity): Html {
  return html`<span class="badge s-${severity}"><span class="sym" aria-hidden="true">${SEVERITY_SYMBOL[severity]}</span> ${SEVERITY_LABEL[severity] ?? severity}</span>`;
}

const CHECK_SYMBOL: Readonly<Record<string, string>> = { ran: '\u2714', skipped: '\u2013', error: '\u2716' };

export function checkStatusBadge(status: 'ran' | 'skipped' | 'error'): Html {
  const word = status === 'ran' ? 'Ran' : status === 'skipped' ? 'Skipped' : 'Error';
  return html`<span class="badge c-${status}"><span class="sym" aria-hidden="true">${CHECK_SYMBOL[status]}</span> ${word}</span>`;
}
