import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { IotcopError } from '../model/index.js';

/** Writes a file the user asked for, creating its folder; failures are user errors (exit 2). */
export async function writeOutput(path: string, content: string | Uint8Array, mode?: number): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, mode === undefined ? undefined : { mode });
  } catch (error) {
    throw new IotcopError('ERR_OUTPUT_WRITE', `cannot write ${path}: ${(error as Error).message}`, {
      cause: error, hint: 'Check that the folder exists and is writable, or choose another --out.',
    });
  }
}
