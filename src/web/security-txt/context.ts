import { charsetOf, mediaTypeOf } from '../decode.js';
import type { SecurityTxtContext, SecurityTxtField } from './types.js';

type Push = (rule: string, line: number, message: string, section: string, level?: 'must' | 'should') => void;

/** Rules that depend on where the file came from: Canonical, Content-Type and the signed-file recommendation. */
export function checkContext(file: { signed: boolean; canonical: readonly string[]; fields: readonly SecurityTxtField[] }, context: SecurityTxtContext, push: Push): void {
  if (context.url && file.canonical.length > 0 && !file.canonical.some((c) => sameUrl(c, context.url!))) {
    const line = file.fields.find((f) => f.key === 'canonical')?.line ?? 0;
    push('canonical-mismatch', line, `retrieved from ${context.url}, which no Canonical field lists (${file.canonical.join(', ')}): the contents should not be trusted`, '2.5.2');
  }
  if (file.signed && file.canonical.length === 0) push('canonical-missing', 0, 'the file is signed but has no Canonical field, so the signature does not vouch for its location', '2.3', 'should');
  if (!file.signed) push('unsigned', 0, 'the file is not signed; an OpenPGP cleartext signature is recommended', '2.3', 'should');
  if (context.contentType !== undefined) {
    const type = mediaTypeOf(context.contentType);
    if (type !== 'text/plain') push('content-type', 0, `served as "${context.contentType}"; it must be text/plain with charset=utf-8`, '3');
    else if (!/;\s*charset\s*=/i.test(context.contentType) || charsetOf(context.contentType) !== 'utf-8') {
      push('content-type', 0, `served as "${context.contentType}"; the charset parameter must be utf-8`, '3');
    }
  }
}

/** URLs equal after normalisation (scheme and host case, default port, empty path). */
function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.href === y.href;
  } catch {
    return a === b;
  }
}
