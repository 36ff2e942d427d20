import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { IotcopError, sha256, type InputProblem } from '../model/index.js';
import { makeLocator } from './locate.js';
import type { LoadedManifest, Manifest } from './types.js';
import { validateManifestData } from './validate.js';

/** Manifests are small documents; anything larger is a mistake or hostile. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface LoadManifestOptions {
  /**
   * Refuse relative paths inside the manifest (images, evidence documents) that leave the manifest's folder.
   * The server sets this for uploaded manifests; on the command line the user's own paths are trusted.
   */
  readonly confine?: boolean;
}

/** Reads, parses and validates a manifest; every problem is reported with file, line and column. */
export async function loadManifest(path: string, options: LoadManifestOptions = {}): Promise<LoadedManifest> {
  const absolute = resolve(path);
  let bytes: Buffer;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > MAX_MANIFEST_BYTES) {
      throw new IotcopError('ERR_MANIFEST_PARSE', `${path}: the manifest is ${info.size} bytes; the limit is ${MAX_MANIFEST_BYTES}`);
    }
    bytes = await readFile(absolute);
  } catch (error) {
    if (error instanceof IotcopError) throw error;
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `cannot read manifest ${path}: ${(error as Error).message}`, {
      cause: error, hint: 'Check the path, or create a manifest with `iotcop init`.',
    });
  }
  return parseManifest(bytes.toString('utf8'), path, { ...options, dir: dirname(absolute), sha256: sha256(bytes) });
}

/** Parses manifest text that did not come from a file path of its own (uploads, tests). */
export function parseManifest(
  text: string,
  path: string,
  options: LoadManifestOptions & { dir: string; sha256?: string },
): LoadedManifest {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locator = makeLocator(doc, lines);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e): InputProblem => {
      const { line, column } = locator.at(e.pos[0]);
      return { file: path, line, column, message: e.message.split('\n')[0] ?? e.message };
    });
    throw new IotcopError('ERR_MANIFEST_PARSE', `${path} is not valid YAML`, { problems, hint: 'Fix the YAML syntax at the positions shown.' });
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const problems: InputProblem[] = validateManifestData(data).map((p) => {
    const { line, column } = p.key === undefined ? locator.locate(p.path) : locator.locateKey(p.path, p.key);
    return { file: path, line, column, message: p.message };
  });
  if (problems.length === 0 && options.confine) {
    for (const [where, rel] of relativePaths(data as Manifest)) {
      if (isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
        const { line, column } = locator.locate(where);
        problems.push({ file: path, line, column, message: `${where.join('.')}: "${rel}" must stay inside the manifest's folder` });
      }
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new IotcopError('ERR_MANIFEST_INVALID', `${path} has ${problems.length} problem${problems.length > 1 ? 's' : ''}`, {
      problems, hint: 'See schema/manifest.schema.json or run `iotcop init` for a commented template.',
    });
  }
  return {
    path,
    dir: options.dir,
    sha256: options.sha256 ?? sha256(Buffer.from(text)),
    data: data as Manifest,
    locate: locator.locate,
  };
}

function* relativePaths(m: Manifest): Generator<[(string | number)[], string]> {
  for (const [i, fw] of (m.firmware ?? []).entries()) if (fw.image) yield [['firmware', i, 'image'], fw.image];
  for (const [id, att] of Object.entries(m.attestations ?? {})) {
    for (const [i, doc] of (att?.evidence ?? []).entries()) if (doc.path) yield [['attestations', id, 'evidence', i, 'path'], doc.path];
  }
}

