import type { LabelPublicKey, LabelVerification, VerifyOptions } from './types.js';
import { parseLabelUrl } from './url.js';
import { verifyLabel } from './verify.js';

/**
 * Verifies a scanned label URL: the JWS it carries, and that the label id in the path is the one signed (a valid
 * JWS pasted under another product's page is a tampered label).
 */
export async function verifyLabelUrl(url: string, publicKeys: readonly LabelPublicKey[], options: VerifyOptions = {}): Promise<LabelVerification> {
  const parsed = parseLabelUrl(url);
  if (!parsed) return { status: 'tampered', reason: 'not a label URL (<registry>/p/<label-id>?s=<jws>)' };
  if (!parsed.jws) return { status: 'tampered', reason: `the URL carries no signed label (no "s" parameter); fetch it from ${parsed.registry}/p/${parsed.lid}` };
  const result = await verifyLabel(parsed.jws, publicKeys, options);
  if (result.payload && result.payload.lid !== parsed.lid) {
    return { ...result, status: 'tampered', reason: `the URL names label ${parsed.lid} but the signed label is ${result.payload.lid}` };
  }
  return result;
}
