import type { FsEntry, Vfs } from '../types.js';
import { normalizePath } from '../vfs/index.js';
import { ancestors, joinRel, safeRel } from './paths.js';

/** A tree and the folder (relative to the output directory, '' for itself) it is written to. */
export interface Placement {
  readonly vfs: Vfs;
  readonly dir: string;
}

export interface PlannedEntry {
  readonly rel: string;
  readonly entry: FsEntry;
}

export interface PlannedLink extends PlannedEntry {
  /** Output path of the regular file this hard link shares content with. */
  readonly targetRel: string | undefined;
}

/** What to create, in which phase; conflicts are already resolved, so the result does not depend on timing. */
export interface Plan {
  /** Every directory to create, with the entry that gives its mode (undefined: implied by a child). */
  readonly dirs: Map<string, FsEntry | undefined>;
  readonly files: PlannedEntry[];
  readonly specials: PlannedEntry[];
  readonly hardlinks: PlannedLink[];
  readonly symlinks: PlannedEntry[];
  readonly warnings: string[];
}

/**
 * Lays out all trees in one namespace. Unsafe names are skipped; when two entries claim one path the first
 * wins; a non-directory whose path is needed as a directory by another entry is skipped (so no write can
 * ever go through it).
 */
export function plan(placements: readonly Placement[]): Plan {
  const warnings: string[] = [];
  const claimed = new Map<string, PlannedEntry>();
  const dirs = new Map<string, FsEntry | undefined>();
  for (const { vfs, dir } of placements) {
    if (dir !== '') for (const a of [...ancestors(dir), dir]) if (!dirs.has(a)) dirs.set(a, undefined);
    for (const entry of vfs.entries()) {
      const safe = safeRel(entry.path);
      if (safe === undefined) {
        warnings.push(`${vfs.layer}: skipped unsafe path ${JSON.stringify(entry.path)}`);
        continue;
      }
      const rel = joinRel(dir, safe);
      if (entry.type === 'dir') {
        if (!dirs.get(rel)) dirs.set(rel, entry);
        continue;
      }
      if (rel === '' || claimed.has(rel)) {
        warnings.push(`${vfs.layer}: ${entry.path} skipped, its output path is already taken`);
        continue;
      }
      claimed.set(rel, { rel, entry });
    }
  }
  for (const rel of [...claimed.keys()]) for (const a of ancestors(rel)) if (!dirs.has(a)) dirs.set(a, undefined);
  const out = { dirs, files: [] as PlannedEntry[], specials: [] as PlannedEntry[], symlinks: [] as PlannedEntry[], warnings };
  const links: PlannedEntry[] = [];
  const fileRels = new Map<FsEntry, string>();
  for (const item of claimed.values()) {
    if (dirs.has(item.rel)) {
      warnings.push(`${item.entry.layer}: ${item.entry.path} skipped, a directory of the same path is needed`);
      continue;
    }
    if (item.entry.type === 'file') {
      out.files.push(item);
      fileRels.set(item.entry, item.rel);
    } else if (item.entry.type === 'symlink') out.symlinks.push(item);
    else if (item.entry.type === 'hardlink') links.push(item);
    else out.specials.push(item);
  }
  const byLayer = new Map(placements.map((p) => [p.vfs.layer, p.vfs]));
  return { ...out, hardlinks: links.map((h) => ({ ...h, targetRel: linkTarget(h, byLayer.get(h.entry.layer), fileRels) })) };
}

/** The output path of the file a hard link resolves to inside its own tree, if that file is being written. */
function linkTarget(h: PlannedEntry, vfs: Vfs | undefined, fileRels: Map<FsEntry, string>): string | undefined {
  if (!vfs || h.entry.target === undefined) return undefined;
  let target = vfs.get(normalizePath(h.entry.target).path);
  for (let hops = 0; target?.type === 'hardlink' && target.target !== undefined && hops < 40; hops++) {
    target = vfs.get(normalizePath(target.target).path);
  }
  return target ? fileRels.get(target) : undefined;
}
