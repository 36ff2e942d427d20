import { parseDateTime } from './syntax.js';
import { checkFields, readFields } from './fields.js';
import { frame } from './lines.js';
import { checkContext } from './context.js';
import type { SecurityTxt, SecurityTxtContext, SecurityTxtField, SecurityTxtProblem } from './types.js';

/**
 * Parses and validates a security.txt (RFC 9116) from its bytes: framing, UTF-8, line endings, field syntax, the
 * rules of each field, and (given the context) expiry, Canonical and Content-Type. Never throws: every deviation
 * is a problem with its line. The OpenPGP signature itself is verified separately (`verifySecurityTxtSignature`).
 */
export function parseSecurityTxt(bytes: Uint8Array, context: SecurityTxtContext): SecurityTxt {
  const framing = frame(bytes);
  const problems: SecurityTxtProblem[] = [...framing.problems];
  const push = (rule: string, line: number, message: string, section: string, level: 'must' | 'should' = 'must') => {
    problems.push({ rule, level, line, message, section });
  };
  const fields = readFields(framing.content, push);
  checkFields(fields, context.now, push);
  const values = (key: string) => fields.filter((f) => f.key === key).map((f) => f.value);
  const canonical = values('canonical');
  checkContext({ signed: framing.signed, canonical, fields }, context, push);
  const expiresField: SecurityTxtField | undefined = fields.find((f) => f.key === 'expires');
  const expires = expiresField ? parseDateTime(expiresField.value) : undefined;
  const languages = fields.find((f) => f.key === 'preferred-languages');
  return {
    signed: framing.signed,
    fields,
    contact: values('contact'),
    ...(expires ? { expires } : {}),
    canonical,
    policy: values('policy'),
    encryption: values('encryption'),
    acknowledgments: values('acknowledgments'),
    hiring: values('hiring'),
    preferredLanguages: languages ? languages.value.split(/[ \t]*,[ \t]*/) : [],
    problems: problems.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule)),
  };
}
