import type { FindingDraft } from '../../model/index.js';
import type { CheckContext, WebPage } from '../types.js';
import { pageLocation, pagesFor, pageText, transportNote, unreadable } from '../web-pages.js';
import { readPolicy } from './statements.js';

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const pages = pagesFor(ctx.evidence.web?.pages ?? [], 'disclosure-policy');
  const declared = ctx.evidence.manifest?.manifest.data.vulnerabilityDisclosure;
  const findings: FindingDraft[] = [];
  for (const page of pages) {
    const failure = unreadable(page, ['5.2-1'], 'The vulnerability disclosure policy');
    if (failure) findings.push(failure);
    else findings.push(...examine(page, declared?.acknowledgeWithinDays, declared?.statusUpdateEveryDays));
  }
  return Promise.resolve(findings);
}

function examine(page: WebPage, ackDays: number | undefined, updateDays: number | undefined): FindingDraft[] {
  const said = readPolicy(pageText(page));
  const base = { provisions: ['5.2-1'] as const, location: pageLocation(page) };
  const missing = [
    said.contacts.length === 0 ? 'a contact to report to (an e-mail address, or an https link next to words such as "report" or "contact")' : '',
    !said.acknowledgement ? 'when a report is acknowledged (a sentence with "acknowledge", "confirm receipt"...)' : '',
    !said.statusUpdates ? 'when status updates follow ("status update", "keep you informed", "progress"...)' : '',
  ].filter(Boolean);
  const findings: FindingDraft[] = [];
  if (missing.length > 0) {
    findings.push({
      ...base, severity: 'medium', verdict: 'inconclusive', key: 'statements',
      title: 'Disclosure policy page does not clearly state everything PSTI asks for',
      detail: `iotcop read ${page.url} (${transportNote(page)}) and did not find ${missing.join('; ')}. PSTI Schedule 1 para 2 requires the published information to give a contact and say when the reporter is acknowledged and gets status updates. The search is heuristic: a reviewer should read the page.`,
      evidence: `contacts found: ${said.contacts.join(', ') || '(none)'}`,
      remediation: 'State plainly on the page where to report, within how many days reports are acknowledged, and how often status updates are sent until resolution.',
    });
  }
  for (const [what, found, declared, field] of [
    ['acknowledgement', said.acknowledgement, ackDays, 'acknowledgeWithinDays'],
    ['status updates', said.statusUpdates, updateDays, 'statusUpdateEveryDays'],
  ] as const) {
    if (found?.days !== undefined && declared !== undefined && found.days !== declared) {
      findings.push({
        ...base, severity: 'medium', verdict: 'inconclusive', key: `mismatch:${field}`,
        title: `The published ${what} time differs from the manifest`,
        detail: `The page says "${found.sentence.slice(0, 200)}" (${found.days} days) but the manifest declares ${field}: ${declared}. One of them is wrong, and reporters go by the page.`,
        evidence: found.sentence.slice(0, 200),
        remediation: `Make the page and vulnerabilityDisclosure.${field} agree.`,
      });
    }
  }
  if (findings.length === 0) {
    findings.push({
      ...base, severity: 'info', verdict: 'pass', key: 'published',
      title: 'Disclosure policy published with contact, acknowledgement and status-update times',
      detail: `${page.url} (${transportNote(page)}) gives ${said.contacts.join(', ')}; acknowledgement: "${said.acknowledgement!.sentence.slice(0, 160)}"; status updates: "${said.statusUpdates!.sentence.slice(0, 160)}".`,
      evidence: `acknowledgement ${said.acknowledgement!.days ?? '?'} days, status updates ${said.statusUpdates!.days ?? '?'} days`,
      remediation: 'None needed.',
    });
  }
  return findings;
}
