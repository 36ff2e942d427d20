import { constants as bufferConstants } from 'node:buffer';
import { mkdirSync, realpathSync } from 'node:fs';
import { comparePaths } from '../vfs/index.js';
import { Output, type OutputOptions } from './output.js';
import { plan, type Placement, type PlannedEntry } from './plan.js';

export interface WriteOptions extends Partial<OutputOptions> {
  /** Largest file content read into memory at once (default: the largest Buffer). */
  readonly maxFileBytes?: number;
  /** File contents being read at the same time (squashfs reads decompress in a worker pool). */
  readonly concurrency?: number;
  /** Bytes of file content held in memory at once, at most (one larger file still goes alone). */
  readonly maxBytesInFlight?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WriteReport {
  readonly dirs: number;
  readonly files: number;
  readonly hardlinks: number;
  readonly symlinks: number;
  /** Devices, fifos and sockets written as empty placeholder files. */
  readonly specials: number;
  readonly bytes: number;
  /** Where each tree went, relative to the output directory ('' is the directory itself). */
  readonly folders: readonly { readonly layer: string; readonly dir: string }[];
  readonly warnings: readonly string[];
}

const MAX_WARNINGS = 1000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes trees into `outDir` (created if missing): directories first, then file contents with several
 * reads in flight, then hard links, then symlinks (last, so no later write can meet one), then directory
 * modes and times, deepest first. Failures of single entries become warnings.
 */
export async function writeTrees(placements: readonly Placement[], outDir: string, options: WriteOptions = {}): Promise<WriteReport> {
  mkdirSync(outDir, { recursive: true });
  const out = new Output(realpathSync(outDir), { force: options.force ?? false, owners: options.owners ?? false, times: options.times ?? true });
  const p = plan(placements);
  const warnings = [...p.warnings];
  const warn = (text: string) => void (warnings.length <= MAX_WARNINGS && warnings.push(text));
  const count = { dirs: 0, files: 0, hardlinks: 0, symlinks: 0, specials: 0, bytes: 0 };
  const dirRels = [...p.dirs.keys()].sort(comparePaths);
  for (const rel of dirRels) {
    if (rel === '' || !out.canCreateIn(rel)) continue;
    try {
      out.mkdir(rel);
      count.dirs++;
    } catch (error) {
      warn(`${rel}: ${message(error)}`);
    }
  }
  const written = new Set<string>();
  const total = p.files.length + p.specials.length;
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  await writeFiles(p.files, out, options, (item, bytes) => {
    written.add(item.rel);
    count.files++;
    count.bytes += bytes;
    tick();
  }, (item, error) => {
    warn(`${item.rel}: ${message(error)}`);
    tick();
  });
  for (const item of p.specials) {
    attempt(() => out.writeFile(item.rel, Buffer.alloc(0), item.entry), () => count.specials++, item, warn);
    tick();
  }
  for (const item of p.hardlinks) {
    const target = item.targetRel;
    if (target !== undefined && written.has(target)) {
      attempt(() => out.link(target, item.rel), () => count.hardlinks++, item, warn);
    } else {
      // The link's target is not in the output: write its content as a copy when the tree can read it.
      try {
        const data = await item.entry.read(options.maxFileBytes ?? bufferConstants.MAX_LENGTH);
        attempt(() => out.writeFile(item.rel, data, item.entry), () => count.files++, item, warn);
      } catch (error) {
        warn(`${item.rel}: hard link target ${item.entry.target ?? '?'} is unavailable (${message(error)})`);
      }
    }
  }
  for (const item of p.symlinks) {
    const target = item.entry.target ?? '';
    if (target.includes('\0') || target === '') warn(`${item.rel}: symlink target is empty or contains NUL`);
    else attempt(() => out.symlink(target, item.rel, item.entry), () => count.symlinks++, item, warn);
  }
  for (const rel of dirRels.reverse()) {
    const entry = p.dirs.get(rel);
    if (entry) attempt(() => out.finishDir(rel, entry), () => undefined, { rel, entry }, warn);
  }
  if (warnings.length > MAX_WARNINGS) warnings[MAX_WARNINGS] = 'more warnings not shown';
  return { ...count, folders: placements.map((pl) => ({ layer: pl.vfs.layer, dir: pl.dir })), warnings };
}

function attempt(op: () => void, ok: () => void, item: PlannedEntry, warn: (text: string) => void): void {
  try {
    op();
    ok();
  } catch (error) {
    warn(`${item.rel}: ${message(error)}`);
  }
}

/** Reads file contents with bounded concurrency and bounded bytes in flight; each is written as it arrives. */
async function writeFiles(
  files: readonly PlannedEntry[],
  out: Output,
  options: WriteOptions,
  ok: (item: PlannedEntry, bytes: number) => void,
  fail: (item: PlannedEntry, error: unknown) => void,
): Promise<void> {
  const concurrency = Math.max(1, options.concurrency ?? 32);
  const maxBytes = options.maxBytesInFlight ?? 128 * 1024 * 1024;
  const maxFile = options.maxFileBytes ?? bufferConstants.MAX_LENGTH;
  const running = new Set<Promise<void>>();
  let bytesInFlight = 0;
  for (const item of files) {
    const size = item.entry.size;
    while (running.size >= concurrency || (running.size > 0 && bytesInFlight + size > maxBytes)) await Promise.race(running);
    bytesInFlight += size;
    const task = item.entry.read(maxFile).then(
      (data) => {
        try {
          out.writeFile(item.rel, data, item.entry);
          ok(item, data.length);
        } catch (error) {
          fail(item, error);
        }
      },
      (error: unknown) => fail(item, error),
    ).finally(() => {
      bytesInFlight -= size;
      running.delete(task);
    });
    running.add(task);
  }
  await Promise.all(running);
}
