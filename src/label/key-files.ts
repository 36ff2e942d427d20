import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IotcopError } from '../model/index.js';
import { MAX_KEY_FILE_BYTES, parsePrivateKey, parsePublicKeys, publicJwk } from './keys.js';
import type { LabelPublicKey, LabelSigningKey } from './types.js';

export interface WrittenKeyFiles {
  readonly kid: string;
  /** PKCS#8 PEM, mode 0600. */
  readonly privateKeyPath: string;
  /** SPKI PEM. */
  readonly publicKeyPath: string;
  /** Public JWK set with one key (publish it for verifiers). */
  readonly jwksPath: string;
}

/**
 * Writes a key pair as `<name>.key` (private, 0600), `<name>.pub.pem` and `<name>.jwks.json`. Refuses to replace an
 * existing private key unless `force`; the private key is written to a 0600 temporary file and renamed into
 * place, so it is never readable by others, not even for a moment.
 */
export async function writeKeyFiles(dir: string, name: string, key: LabelSigningKey, force = false): Promise<WrittenKeyFiles> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) throw new IotcopError('ERR_USAGE', `--name ${name}: use letters, digits, ".", "_" and "-"`);
  const privateKeyPath = join(dir, `${name}.key`);
  const publicKeyPath = join(dir, `${name}.pub.pem`);
  const jwksPath = join(dir, `${name}.jwks.json`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (!force && (await exists(privateKeyPath))) {
      throw new IotcopError('ERR_OUTPUT_WRITE', `${privateKeyPath} already exists; not replacing a signing key`, { hint: 'Choose another --name or --out-dir, or pass --force to replace it.' });
    }
    const pem = key.key.export({ format: 'pem', type: 'pkcs8' }) as string;
    await writeSecret(privateKeyPath, pem);
    await writePublic(publicKeyPath, key.publicKey.export({ format: 'pem', type: 'spki' }) as string);
    await writePublic(jwksPath, `${JSON.stringify({ keys: [await publicJwk(key.publicKey)] }, null, 2)}\n`);
  } catch (error) {
    if (error instanceof IotcopError) throw error;
    throw new IotcopError('ERR_OUTPUT_WRITE', `cannot write the key files in ${dir}: ${(error as Error).message}`, { cause: error });
  }
  return { kid: key.kid, privateKeyPath, publicKeyPath, jwksPath };
}

async function writeSecret(path: string, content: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(temp, 0o600); // the umask can only remove bits, but be explicit
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writePublic(path: string, content: string): Promise<void> {
  const handle = await open(path, 'w', 0o644);
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readKeyFile(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `${path}: no such key file`, { cause: error });
  }
  if (!info.isFile() || info.size > MAX_KEY_FILE_BYTES) throw new IotcopError('ERR_KEY_INVALID', `${path}: not a key file (too large or not a regular file)`);
  return readFile(path, 'utf8');
}

/** Loads a signing key; `loose` is true when the file can be read by group or others (a warning, not an error). */
export async function loadSigningKey(path: string): Promise<{ key: LabelSigningKey; loose: boolean }> {
  const text = await readKeyFile(path);
  const mode = (await stat(path)).mode;
  return { key: await parsePrivateKey(text, path), loose: (mode & 0o077) !== 0 };
}

/** Loads trusted public keys from one or more PEM, JWK or JWK set files. */
export async function loadPublicKeys(paths: readonly string[]): Promise<LabelPublicKey[]> {
  const out: LabelPublicKey[] = [];
  for (const path of paths) out.push(...(await parsePublicKeys(await readKeyFile(path), path)));
  return out;
}
