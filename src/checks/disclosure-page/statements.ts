import { findEmails, sentencesWith, spanInDays } from '../../web/index.js';

export interface PolicyStatements {
  readonly contacts: readonly string[];
  /** The sentence promising an acknowledgement, and its span in days when it names one. */
  readonly acknowledgement?: { readonly sentence: string; readonly days?: number };
  readonly statusUpdates?: { readonly sentence: string; readonly days?: number };
}

const ACK = /\backnowledg|\bconfirm (?:receipt|that we (?:have )?received)|\breceipt of your report/i;
const UPDATES = /\b(?:status updates?|update you|updates? on (?:the )?(?:progress|status)|keep you (?:informed|updated|posted)|progress (?:reports?|updates?)|inform you of (?:the )?progress)/i;
const CONTACT_WORDS = /\b(?:report (?:a|any|security|vulnerabilit)|submit|contact us|send (?:your |a )?report|web form|report form|e-?mail)\b/i;

/** What a policy page says about reporting: contacts, the acknowledgement promise and the status-update promise. */
export function readPolicy(text: string): PolicyStatements {
  const withSpan = (sentences: string[]) => {
    const timed = sentences.find((s) => spanInDays(s) !== undefined);
    const sentence = timed ?? sentences[0];
    if (!sentence) return undefined;
    const days = spanInDays(sentence);
    return { sentence, ...(days !== undefined ? { days } : {}) };
  };
  const urls = sentencesWith(text, CONTACT_WORDS).flatMap((s) => [...s.matchAll(/https:\/\/[^\s"'<>)]+/g)].map((m) => m[0]));
  const acknowledgement = withSpan(sentencesWith(text, ACK));
  const statusUpdates = withSpan(sentencesWith(text, UPDATES));
  return {
    contacts: [...findEmails(text), ...new Set(urls)],
    ...(acknowledgement ? { acknowledgement } : {}),
    ...(statusUpdates ? { statusUpdates } : {}),
  };
}
