import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { IotcopError } from '../model/index.js';
import type { LabelPublicKey, LabelSigningKey } from './types.js';

/** Length of the key id: the start of the RFC 7638 thumbprint (72 bits; a hint for choosing the key, not its proof). */
const KID_LENGTH = 12;
/** Key files are small; anything bigger is not a key. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

/** A fresh Ed25519 key pair for signing labels. */
export async function generateLabelKey(): Promise<LabelSigningKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { key: privateKey, publicKey, kid: await keyId(publicKey) };
}

/** The key id of an Ed25519 public key: the first characters of its RFC 7638 JWK thumbprint. */
export async function keyId(publicKey: KeyObject): Promise<string> {
  const jwk = publicKey.export({ format: 'jwk' });
  return (await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x ?? '' }, 'sha256')).slice(0, KID_LENGTH);
}

function assertEd25519(key: KeyObject, what: string): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new IotcopError('ERR_KEY_INVALID', `${what} is a ${key.asymmetricKeyType ?? key.type} key; labels are signed with Ed25519 only`, {
      hint: 'Create a key with `iotcop keys generate`.',
    });
  }
}

/** Reads a private Ed25519 key from PKCS#8 PEM or a private JWK (JSON). `source` names it in errors only. */
export async function parsePrivateKey(text: string, source: string): Promise<LabelSigningKey> {
  let key: KeyObject;
  try {
    key = text.trimStart().startsWith('{')
      ? createPrivateKey({ key: JSON.parse(text) as JsonWebKey, format: 'jwk' })
      : createPrivateKey({ key: text, format: 'pem' });
  } catch (error) {
    // The parser's message never contains key material, but keep it out anyway: only the kind of failure.
    throw new IotcopError('ERR_KEY_INVALID', `${source}: not a private key in PEM (PKCS#8) or JWK form`, { cause: errorName(error) });
  }
  assertEd25519(key, source);
  const publicKey = createPublicKey(key);
  return { key, publicKey, kid: await keyId(publicKey) };
}

/** Reads Ed25519 public keys from SPKI PEM, a JWK, or a JWK set (`{"keys": [...]}`). */
export async function parsePublicKeys(text: string, source: string): Promise<LabelPublicKey[]> {
  let keys: KeyObject[];
  try {
    if (text.trimStart().startsWith('{')) {
      const json = JSON.parse(text) as { keys?: unknown };
      const jwks = Array.isArray(json.keys) ? (json.keys as JsonWebKey[]) : [json as JsonWebKey];
      // A JWK with "d" is a private key; take only its public half so a mix-up never exposes it further.
      keys = jwks.map((jwk) => createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x } as JsonWebKey, format: 'jwk' }));
    } else {
      keys = [createPublicKey({ key: text, format: 'pem' })];
    }
  } catch (error) {
    throw new IotcopError('ERR_KEY_INVALID', `${source}: not a public key in PEM (SPKI), JWK or JWK set form`, { cause: errorName(error) });
  }
  return Promise.all(keys.map(async (key) => {
    assertEd25519(key, source);
    return { key, kid: await keyId(key) };
  }));
}

/** The public key as a JWK carrying its key id and intended use, for publishing in a JWK set. */
export async function publicJwk(publicKey: KeyObject): Promise<Record<string, string>> {
  const { x } = publicKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: x ?? '', kid: await keyId(publicKey), use: 'sig', alg: 'EdDSA' };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}
