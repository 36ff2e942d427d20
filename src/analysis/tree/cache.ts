import type { FsEntry, Vfs } from '../../firmware/types.js';

// Several checks read every file of a tree (keys, secrets, update paths). File contents are kept per tree for
// the length of an assessment, within a global byte budget, so each file is decompressed once.

const BUDGET = 768 * 1024 * 1024;
let used = 0;
const cache = new WeakMap<Vfs, Map<string, Promise<Buffer | undefined>>>();

/** Content of a regular file up to `max` bytes (undefined when bigger or unreadable), cached per tree. */
export function readEntry(vfs: Vfs, entry: FsEntry, max: number): Promise<Buffer | undefined> {
  if (entry.type !== 'file' || entry.size > max) return Promise.resolve(undefined);
  let files = cache.get(vfs);
  if (!files) cache.set(vfs, (files = new Map<string, Promise<Buffer | undefined>>()));
  const hit = files.get(entry.path);
  if (hit) return hit;
  const p = entry.read(max).catch(() => undefined);
  if (used + entry.size <= BUDGET) {
    used += entry.size;
    files.set(entry.path, p);
  }
  return p;
}

/** Runs `fn` over every regular file up to `max` bytes, `concurrency` reads at a time, in path order of starts. */
export async function forEachFile(vfs: Vfs, max: number, fn: (entry: FsEntry, content: Buffer) => void | Promise<void>, concurrency = 8): Promise<void> {
  const files = vfs.entries().filter((e) => e.type === 'file' && e.size <= max && e.size > 0);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const e = files[next++]!;
      const buf = await readEntry(vfs, e, max);
      if (buf) await fn(e, buf);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
}
