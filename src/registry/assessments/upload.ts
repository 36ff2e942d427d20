import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import type { RegistryLimits } from '../context.js';
import { RegistryError } from '../errors.js';

/** One part of a multipart upload, independent of the HTTP framework. */
export type UploadPart =
  | { readonly kind: 'file'; readonly field: string; readonly filename: string; readonly stream: Readable }
  | { readonly kind: 'field'; readonly field: string; readonly value: string };

export interface StoredUpload {
  /** Path of the manifest, relative to the upload folder. */
  readonly manifest: string;
  readonly manifestSha256: string;
  /** Every stored file, relative to the upload folder, sorted. */
  readonly files: readonly string[];
  readonly bytes: number;
}

export const MANIFEST_NAME = 'iotcop.yaml';
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const MAX_DEPTH = 8;

/**
 * Turns a client-given file name into a relative path inside the upload folder, or refuses it. Manifests name
 * their evidence and images by relative path (`evidence/policy.md`), so subfolders are kept, but only as plain
 * segments: no `..`, no absolute paths, no backslashes, no hidden names, nothing that could leave the folder.
 */
export function safeUploadPath(filename: string): string {
  const segments = filename.split('/');
  if (segments.length > MAX_DEPTH || !segments.every((s) => SEGMENT.test(s) && s !== '..' && s !== '.')) {
    throw new RegistryError('ERR_VALIDATION', `file name ${JSON.stringify(filename.slice(0, 200))}: use a relative path of plain names (letters, digits, ".", "_", "-"), at most ${MAX_DEPTH} deep`);
  }
  return segments.join('/');
}

/**
 * Streams the parts of an upload into `dir` without holding a file in memory, enforcing the per-file, total and
 * count caps as bytes arrive. The field `manifest` holds the iotcop.yaml; the field `files` holds images and evidence
 * under the relative names the manifest uses. On any error the folder is removed.
 */
export async function storeUpload(dir: string, parts: AsyncIterable<UploadPart>, limits: RegistryLimits): Promise<StoredUpload> {
  await mkdir(dir, { recursive: true });
  const stored = new Set<string>();
  let total = 0;
  let manifestSha256: string | undefined;
  try {
    for await (const part of parts) {
      if (part.kind === 'field') throw new RegistryError('ERR_VALIDATION', `unexpected field ${JSON.stringify(part.field.slice(0, 64))}: send the files "manifest" and "files"`);
      if (part.field !== 'manifest' && part.field !== 'files') {
        part.stream.resume();
        throw new RegistryError('ERR_VALIDATION', `unexpected file field ${JSON.stringify(part.field.slice(0, 64))}: use "manifest" or "files"`);
      }
      if (stored.size >= limits.uploadFiles) throw new RegistryError('ERR_PAYLOAD_TOO_LARGE', `more than ${limits.uploadFiles} files in one upload`);
      const rel = part.field === 'manifest' ? MANIFEST_NAME : safeUploadPath(part.filename);
      if (stored.has(rel)) throw new RegistryError('ERR_VALIDATION', `${rel} is sent twice (the manifest is stored as ${MANIFEST_NAME})`);
      const target = join(dir, ...rel.split('/'));
      if (!target.startsWith(dir + sep)) throw new RegistryError('ERR_VALIDATION', `${rel} would leave the upload folder`);
      await mkdir(dirname(target), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.uploadFileBytes) return done(new RegistryError('ERR_PAYLOAD_TOO_LARGE', `${rel} is larger than ${limits.uploadFileBytes} bytes`));
          if (total > limits.uploadTotalBytes) return done(new RegistryError('ERR_PAYLOAD_TOO_LARGE', `the upload is larger than ${limits.uploadTotalBytes} bytes`));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      // 'wx': never replace or follow anything already at the path.
      await pipeline(part.stream, meter, createWriteStream(target, { flags: 'wx', mode: 0o640 }));
      if ((part.stream as Readable & { truncated?: boolean }).truncated) {
        throw new RegistryError('ERR_PAYLOAD_TOO_LARGE', `${rel} is larger than ${limits.uploadFileBytes} bytes`);
      }
      stored.add(rel);
      if (part.field === 'manifest') manifestSha256 = hash.digest('hex');
    }
    if (manifestSha256 === undefined) throw new RegistryError('ERR_VALIDATION', 'the upload has no "manifest" file (the product\'s iotcop.yaml)');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { manifest: MANIFEST_NAME, manifestSha256, files: [...stored].sort(), bytes: total };
}
