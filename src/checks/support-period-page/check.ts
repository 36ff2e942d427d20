import type { FindingDraft } from '../../model/index.js';
import { longDate } from '../../model/index.js';
import { findDates, sentencesWith } from '../../web/index.js';
import type { CheckContext, WebPage } from '../types.js';
import { pageLocation, pagesFor, pageText, transportNote, unreadable } from '../web-pages.js';

const SUPPORT_WORDS = /\b(?:support(?:ed)?|security updates?|updates?|end of life|until|through|ends?)\b/i;
const RELATIVE = /\b\d+\s+years?\s+(?:from|after)\s+(?:purchase|manufacture|release|sale)/i;

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const m = ctx.evidence.manifest?.manifest.data;
  const findings: FindingDraft[] = [];
  for (const page of pagesFor(ctx.evidence.web?.pages ?? [], 'support-period')) {
    const failure = unreadable(page, ['5.3-13'], 'The support period page');
    if (failure) findings.push(failure);
    else findings.push(endDate(page, m?.supportPeriod?.end), model(page, m?.product.model, m?.product.brand));
  }
  return Promise.resolve(findings);
}

function endDate(page: WebPage, declared: string | undefined): FindingDraft {
  const text = pageText(page);
  const sentences = sentencesWith(text, SUPPORT_WORDS);
  const dates = sentences.flatMap((s) => findDates(s).map((d) => ({ ...d, sentence: s })));
  const base = { provisions: ['5.3-13'] as const, location: pageLocation(page), key: 'end-date' };
  const match = declared ? dates.find((d) => d.iso === declared) : undefined;
  if (match) {
    return {
      ...base, severity: 'info', verdict: 'pass',
      title: `Support period end date published: ${longDate(match.iso)}`,
      detail: `${page.url} (${transportNote(page)}) states the declared end of the defined support period: "${match.sentence.slice(0, 200)}".`,
      evidence: match.text,
      remediation: 'None needed. Never shorten a published support period (PSTI Schedule 1 para 3).',
    };
  }
  if (dates.length > 0) {
    return {
      ...base, severity: 'high', verdict: 'fail',
      title: 'The published support period differs from the declared one',
      detail: `${page.url} states ${dates.map((d) => `"${d.text}"`).join(', ')} near support wording, but the manifest declares ${declared ? longDate(declared) : 'no end date'}. Buyers and the statement of compliance would carry different dates.`,
      evidence: dates.map((d) => d.sentence.slice(0, 120)).join(' | '),
      remediation: 'Publish the same end date the manifest declares (and never shorten it once published).',
    };
  }
  const relative = RELATIVE.exec(text);
  return {
    ...base, severity: 'medium', verdict: 'inconclusive',
    title: 'No support period end date found on the page',
    detail: `iotcop looked in ${page.url} for a calendar date (such as "31 March 2030" or "2030-03-31") in a sentence about support or security updates and found none.${relative ? ` It says "${relative[0]}", a period relative to an event: PSTI asks for the end of the period, and a relative one only works when the date it runs from is known to the buyer.` : ''} The search is heuristic: a reviewer should read the page.`,
    evidence: relative ? relative[0] : `${sentences.length} sentences about support, no date`,
    remediation: 'State the last day security updates are guaranteed as a calendar date, e.g. "Security updates until 31 March 2030".',
  };
}

function model(page: WebPage, modelName: string | undefined, brand: string | undefined): FindingDraft {
  const text = pageText(page);
  const found = modelName ? new RegExp(`(?<![A-Za-z0-9])${modelName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]?')}(?![A-Za-z0-9])`, 'i').exec(text) : null;
  const base = { provisions: ['5.3-16'] as const, location: pageLocation(page), key: 'model' };
  if (found) {
    return {
      ...base, severity: 'info', verdict: 'pass',
      title: `The support period page names the model (${found[0]})`,
      detail: `${page.url} names the model designation "${found[0]}" of ${brand ?? 'the product'}, so buyers can tell which product the support period is for.`,
      evidence: found[0],
      remediation: 'None needed.',
    };
  }
  return {
    ...base, severity: 'low', verdict: 'inconclusive',
    title: 'The support period page does not name the model',
    detail: `iotcop looked for the model designation ${modelName ? `"${modelName}"` : '(none declared)'} on ${page.url} and did not find it, so it is not clear which product the period applies to.`,
    evidence: modelName ?? '(no model declared)',
    remediation: 'Name the exact model designation next to the support period.',
  };
}
