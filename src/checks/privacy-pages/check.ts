import type { ProvisionId } from '../../catalogue/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext, WebPage, WebPurpose } from '../types.js';
import { pageLocation, pagesFor, pageText, transportNote, unreadable } from '../web-pages.js';

interface Expectation {
  readonly purpose: WebPurpose;
  readonly provision: ProvisionId;
  readonly what: string;
  /** Each group must match at least one sentence; the labels say what was looked for. */
  readonly groups: readonly { readonly label: string; readonly pattern: RegExp }[];
  readonly fix: string;
}

const EXPECTATIONS: readonly Expectation[] = [
  {
    purpose: 'privacy-notice', provision: '6-1', what: 'The privacy notice',
    groups: [
      { label: 'which personal data is processed ("personal data", "we collect", "information we process")', pattern: /\b(?:personal (?:data|information)|we collect|data we (?:collect|process)|information (?:we|that we) (?:collect|process))\b/i },
      { label: 'for what purposes ("purpose", "we use ... to", "in order to")', pattern: /\b(?:purposes?|we use (?:it|this|your)|in order to|so that we can)\b/i },
    ],
    fix: 'Publish a privacy notice that lists, for the device and each service, the personal data processed, by whom and for what purposes.',
  },
  {
    purpose: 'deletion-instructions', provision: '5.11-3', what: 'The data deletion instructions',
    groups: [
      { label: 'how to delete or erase data ("delete", "erase", "remove", "factory reset")', pattern: /\b(?:delet\w*|eras\w*|remov\w*|factory reset|wipe)\b/i },
      { label: 'what is deleted ("data", "account", "history", "settings")', pattern: /\b(?:data|account|history|settings|credentials|information)\b/i },
    ],
    fix: 'Publish step-by-step instructions for deleting personal data from the device and from the manufacturer\'s services.',
  },
];

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const findings: FindingDraft[] = [];
  for (const e of EXPECTATIONS) {
    for (const page of pagesFor(ctx.evidence.web?.pages ?? [], e.purpose)) {
      findings.push(unreadable(page, [e.provision], e.what) ?? examine(page, e));
    }
  }
  return Promise.resolve(findings);
}

function examine(page: WebPage, e: Expectation): FindingDraft {
  const text = pageText(page);
  const sentences = text.split(/(?<=[.!?])\s+|\n/);
  const matches = e.groups.map((g) => ({ label: g.label, sentence: sentences.find((s) => g.pattern.test(s)) }));
  const missing = matches.filter((m) => !m.sentence).map((m) => m.label);
  const base = { provisions: [e.provision], location: pageLocation(page), key: e.purpose };
  if (missing.length > 0) {
    return {
      ...base, severity: 'medium', verdict: 'inconclusive',
      title: `${e.what} page does not clearly say what it should`,
      detail: `iotcop read ${page.url} (${transportNote(page)}) and did not find ${missing.join('; ')}. The search is heuristic: a reviewer should read the page.`,
      evidence: `${text.length} characters of text`,
      remediation: e.fix,
    };
  }
  return {
    ...base, severity: 'info', verdict: 'pass',
    title: `${e.what} ${e.purpose === 'deletion-instructions' ? 'are' : 'is'} published`,
    detail: `${page.url} (${transportNote(page)}) says: ${matches.map((m) => `"${m.sentence!.slice(0, 140)}"`).join(' ... ')}.`,
    evidence: matches.map((m) => m.sentence!.slice(0, 80)).join(' | '),
    remediation: 'None needed.',
  };
}
