// Helpers for tests that compare trees: a stable snapshot of a Vfs, a temporary directory, fakeroot.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntryType, Vfs } from '../firmware/types.js';
import { hasTool } from './corpus.js';

export interface SnapshotEntry {
  readonly path: string;
  readonly type: EntryType;
  readonly mode: string;
  readonly size: number;
  readonly target?: string;
  readonly sha256?: string;
}

/** Every entry with its type, octal mode, size, link target and a hash of its content, sorted by path. */
export async function snapshot(vfs: Vfs, options: { skipRoot?: boolean } = {}): Promise<SnapshotEntry[]> {
  const out: SnapshotEntry[] = [];
  for (const e of vfs.entries()) {
    if (options.skipRoot && e.path === '/') continue;
    const base = { path: e.path, type: e.type, mode: e.mode.toString(8), size: e.type === 'file' ? e.size : 0 };
    if (e.type === 'file') out.push({ ...base, sha256: createHash('sha256').update(await e.read()).digest('hex') });
    else if (e.type === 'symlink') out.push({ ...base, target: e.target ?? '' });
    else out.push(base);
  }
  return out;
}

/** A fresh temporary directory; remove it with `cleanup`. */
export function tempDir(prefix = 'iotcop-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * How to run a shell script that creates device nodes and foreign owners: under fakeroot, or directly as
 * root; undefined when neither is possible (the test then skips that part).
 */
export function privilegedShell(): ((script: string) => [string, string[]]) | undefined {
  if (hasTool('fakeroot')) return (script) => ['fakeroot', ['sh', '-c', script]];
  if (process.getuid?.() === 0) return (script) => ['sh', ['-c', script]];
  return undefined;
}
