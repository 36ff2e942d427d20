import { open, stat } from 'node:fs/promises';
import { looksLikeManifest } from '../manifest/index.js';
import { IotcopError } from '../model/index.js';
import { looksLikeProvisioningCsv } from './providers/provisioning/csv.js';

/** An input of an assessment after looking at it: a manifest, a firmware image, an extracted tree, or per-unit provisioning records (CSV). */
export interface ClassifiedInput {
  /** As the user gave it. */
  readonly path: string;
  readonly kind: 'manifest' | 'firmware' | 'directory' | 'provisioning';
  readonly size: number;
  /** Set when the input was named by the manifest rather than given directly. */
  readonly fromManifest?: boolean;
}

const SNIFF_BYTES = 64 * 1024;

/** Decides what each input is by its content (never by its name); missing inputs are an input error. */
export async function classifyInputs(paths: readonly string[]): Promise<ClassifiedInput[]> {
  const out: ClassifiedInput[] = [];
  for (const path of paths) out.push(await classify(path));
  return out;
}

async function classify(path: string): Promise<ClassifiedInput> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `${path}: no such file or directory`, {
      cause: error, hint: 'Give a manifest (iotcop.yaml), a firmware image, or a directory holding an extracted root filesystem.',
    });
  }
  if (info.isDirectory()) return { path, kind: 'directory', size: 0 };
  if (!info.isFile()) throw new IotcopError('ERR_INPUT_NOT_FOUND', `${path} is neither a regular file nor a directory`);
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    const kind = looksLikeManifest(head) ? 'manifest' : looksLikeProvisioningCsv(head) ? 'provisioning' : 'firmware';
    return { path, kind, size: info.size };
  } finally {
    await handle.close();
  }
}
