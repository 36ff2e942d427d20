import { constants as bufferConstants } from 'node:buffer';
import { mkdirSync, realpathSync } from 'node:fs';
import { comparePaths } from '../vfs/index.js';
import { Output, type OutputOptions } from './output.js';
import { plan, type Placement, type PlannedEntry } from './plan.js';

export interface WriteOptions extends Partial<OutputOptions> {
  /** Largest file content read into memory at once (default: the largest Buffer). */
  readonly maxFileBytes?: number;
  /** Files being written at the same time (default 256; squashfs decodes them in a worker pool). */
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

/**
 * One file's content: through the entry's own writer when it has one (formats that decode on worker threads
 * write the descriptor there), else read here and written as it arrives. The file is created first, in a
 * verified directory, and removed again when its content cannot be had.
 */
async function writeOne(item: PlannedEntry, out: Output, maxFile: number): Promise<number> {
  const { entry } = item;
  if (!entry.writeTo) {
    const data = await entry.read(maxFile);
    out.writeFile(item.rel, data, entry);
    return data.length;
  }
  const fd = out.openFile(item.rel, entry);
  let bytes: number;
  try {
    bytes = await entry.writeTo(fd, maxFile);
  } catch (error) {
    out.discard(item.rel, fd);
    throw error;
  }
  out.closeFile(fd, entry);
  return bytes;
}

/**
 * Writes file contents with bounded concurrency and bounded bytes in flight. The pipeline is deep, so the
 * decoding threads always have work queued; when it is full it waits until a quarter has drained, so
 * files start in batches (whose decode tasks travel together).
 */
async function writeFiles(
  files: readonly PlannedEntry[],
  out: Output,
  options: WriteOptions,
  ok: (item: PlannedEntry, bytes: number) => void,
  fail: (item: PlannedEntry, error: unknown) => void,
): Promise<void> {
  const concurrency = Math.max(1, options.concurrency ?? 256);
  const maxBytes = options.maxBytesInFlight ?? 128 * 1024 * 1024;
  const maxFile = options.maxFileBytes ?? bufferConstants.MAX_LENGTH;
  let running = 0;
  let bytesInFlight = 0;
  // One waiter at a time (this loop): woken by each finished file, it checks its own condition again.
  let wake: (() => void) | undefined;
  const until = async (ready: () => boolean) => {
    while (!ready()) await new Promise<void>((resolve) => (wake = resolve));
  };
  for (const item of files) {
    // Entries with their own writer hold no content in this thread.
    const size = item.entry.writeTo ? 0 : item.entry.size;
    if (running >= concurrency) await until(() => running <= (concurrency * 3) / 4);
    const fits = () => running === 0 || bytesInFlight + size <= maxBytes;
    if (!fits()) await until(fits);
    bytesInFlight += size;
    running++;
    void writeOne(item, out, maxFile).then(
      (bytes) => ok(item, bytes),
      (error: unknown) => fail(item, error),
    ).finally(() => {
      bytesInFlight -= size;
      running--;
      wake?.();
    });
  }
  await until(() => running === 0);
}
