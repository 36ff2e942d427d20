// Helpers for tests: where the shared corpus is, and whether a reference tool is installed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared corpus: $IOTCOP_CORPUS, or `../shared/corpus` beside the repository. */
export const CORPUS_DIR = process.env.IOTCOP_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');

/** Absolute path of a corpus file, or undefined when the corpus is not there. */
export function corpusFile(relative: string): string | undefined {
  const path = join(CORPUS_DIR, relative);
  return existsSync(path) ? path : undefined;
}

const toolCache = new Map<string, boolean>();

/** True when a command-line tool is on the PATH (reference tools from Debian packages). */
export function hasTool(name: string): boolean {
  let found = toolCache.get(name);
  if (found === undefined) {
    found = spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
    toolCache.set(name, found);
  }
  return found;
}

/** Runs a tool and returns stdout, throwing with stderr on failure. */
export function run(cmd: string, args: readonly string[], options: { cwd?: string; input?: Buffer; env?: Record<string, string> } = {}): Buffer {
  const env = options.env ? { ...process.env, ...options.env } : undefined;
  const r = spawnSync(cmd, args, { cwd: options.cwd, input: options.input, env, maxBuffer: 1024 ** 3 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr?.toString() ?? ''}`);
  return r.stdout;
}

export const REPO_ROOT = repoRoot;
