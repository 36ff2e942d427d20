import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../report/index.js';

/** A file derived from, or delivered with, an assessment beyond the report renderers. */
export interface ExtraArtifact {
  readonly fileName: string;
  readonly content: string | Buffer;
}

/** Statement files a manufacturer may upload with the manifest (top level of the upload). */
const UPLOADED_STATEMENTS = ['statement.pdf', 'statement.html'];
const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

/**
 * Files beyond the report renderers: the statement of compliance. Until the library renders statements from a
 * report, the registry keeps the one the upload provides (`statement.pdf` or `statement.html` next to the manifest).
 */
export async function extraArtifacts(_report: Report, uploadDir: string): Promise<ExtraArtifact[]> {
  const out: ExtraArtifact[] = [];
  for (const name of UPLOADED_STATEMENTS) {
    const path = join(uploadDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && info.size <= MAX_STATEMENT_BYTES) out.push({ fileName: name, content: await readFile(path) });
  }
  return out;
}
