import { readCleartextMessage, readKeys, verify, type Key } from 'openpgp';

export interface SignatureCheck {
  /**
   * - `verified`: the signature is valid for one of the given keys;
   * - `invalid`: a given key made the signature, but it does not match the text (altered after signing);
   * - `no-key`: well-formed, but none of the given keys made it (or no key was given);
   * - `malformed`: not a parsable OpenPGP cleartext signature.
   */
  readonly status: 'verified' | 'invalid' | 'no-key' | 'malformed';
  readonly message: string;
  /** Key ids (hex) the signature names. */
  readonly signerKeyIds: readonly string[];
  /** Fingerprint of the key that verified it. */
  readonly fingerprint?: string;
}

/**
 * Verifies the OpenPGP cleartext signature of a signed security.txt (RFC 9116 section 2.3, RFC 4880 section 7) with
 * openpgp.js against the given armored public keys. Whether those keys deserve trust is the caller's question.
 */
export async function verifySecurityTxtSignature(text: string, armoredKeys: readonly string[]): Promise<SignatureCheck> {
  let message;
  try {
    message = await readCleartextMessage({ cleartextMessage: text });
  } catch (error) {
    return { status: 'malformed', message: `not a valid OpenPGP cleartext signature: ${(error as Error).message.slice(0, 200)}`, signerKeyIds: [] };
  }
  const signerKeyIds = message.getSigningKeyIDs().map((id) => id.toHex()).sort();
  const keys: Key[] = [];
  for (const armored of armoredKeys) {
    try {
      keys.push(...(await readKeys({ armoredKeys: armored })));
    } catch {
      // a key URL that does not hold a key is reported by the caller; it just cannot verify anything
    }
  }
  const matching = keys.filter((k) => k.getKeyIDs().some((id) => signerKeyIds.includes(id.toHex())));
  if (matching.length === 0) {
    return { status: 'no-key', message: `signed by key ${signerKeyIds.join(', ') || '(none named)'}, which is not among the ${keys.length} key(s) available`, signerKeyIds };
  }
  const result = await verify({ message, verificationKeys: matching, expectSigned: false });
  for (const signature of result.signatures) {
    try {
      await signature.verified;
      const key = matching.find((k) => k.getKeyIDs().some((id) => id.equals(signature.keyID)));
      return { status: 'verified', message: `valid signature by key ${signature.keyID.toHex()}`, signerKeyIds, ...(key ? { fingerprint: key.getFingerprint() } : {}) };
    } catch {
      // try the next signature
    }
  }
  return { status: 'invalid', message: 'the signature does not match the text: the file was changed after it was signed', signerKeyIds };
}
