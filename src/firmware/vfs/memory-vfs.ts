import { writeSync } from 'node:fs';
import { FormatError } from '../errors.js';
import type { EntryType, FsEntry, Vfs } from '../types.js';
import { comparePaths, joinPath, normalizePath, parentOf } from './paths.js';

/** Largest file content handed out when a reader does not say otherwise. */
export const DEFAULT_READ_LIMIT = 256 * 1024 * 1024;
const MAX_LINK_HOPS = 40;

/** What a format hands MemoryVfs.add: an FsEntry's metadata (the layer is the tree's) and how to get the content. */
export interface EntryInit extends Omit<FsEntry, 'layer' | 'read' | 'writeTo'> {
  /** Produces a regular file's content (called lazily, at most once per read). */
  readonly content?: () => Buffer | Promise<Buffer>;
  /** Writes the content into an open, empty file and resolves to its size (FsEntry.writeTo), when the format can. */
  readonly writeTo?: (fd: number) => Promise<number>;
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * One entry of a MemoryVfs. A class rather than an object literal per entry: trees of a few hundred
 * thousand entries are built in a loop, and a shared prototype keeps that fast and small.
 */
class MemEntry implements FsEntry {
  readonly type: EntryType;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  readonly size: number;
  readonly target?: string;
  readonly device?: { readonly major: number; readonly minor: number };
  readonly xattrs?: Readonly<Record<string, Buffer>>;
  readonly layer: string;
  // ES private fields: not enumerable, so entries still serialise and spread as plain metadata.
  readonly #content: (() => Buffer | Promise<Buffer>) | undefined;
  readonly #writeTo: ((fd: number) => Promise<number>) | undefined;
  readonly #vfs: MemoryVfs;

  constructor(init: EntryInit, readonly path: string, vfs: MemoryVfs) {
    this.type = init.type;
    this.mode = init.mode & 0o7777;
    this.uid = init.uid;
    this.gid = init.gid;
    this.mtime = init.mtime;
    this.size = init.size;
    if (init.target !== undefined) this.target = init.target;
    if (init.device !== undefined) this.device = init.device;
    if (init.xattrs !== undefined) this.xattrs = init.xattrs;
    this.layer = vfs.layer;
    this.#vfs = vfs;
    this.#content = init.content;
    this.#writeTo = init.writeTo;
  }

  async read(maxBytes = DEFAULT_READ_LIMIT): Promise<Buffer> {
    if (this.type === 'hardlink') {
      const target = this.#vfs.resolve(this.path);
      if (!target || target === this) throw new FormatError(`${this.path}: hard link target ${this.target ?? '?'} not found`);
      return target.read(maxBytes);
    }
    if (this.type !== 'file') throw new FormatError(`${this.path} is not a regular file`);
    if (this.size > maxBytes) throw new FormatError(`${this.path}: ${this.size} bytes is over the ${maxBytes}-byte read limit`);
    const bytes = this.#content ? await this.#content() : Buffer.alloc(0);
    if (bytes.length > maxBytes) throw new FormatError(`${this.path}: content over the ${maxBytes}-byte read limit`);
    return bytes;
  }

  /** The format's own writer when it has one (decoding threads write the file), else read() and write here. */
  async writeTo(fd: number, maxBytes = DEFAULT_READ_LIMIT): Promise<number> {
    if (this.type === 'file' && this.#writeTo) {
      if (this.size > maxBytes) throw new FormatError(`${this.path}: ${this.size} bytes is over the ${maxBytes}-byte read limit`);
      return this.#writeTo(fd);
    }
    const bytes = await this.read(maxBytes);
    writeAll(fd, bytes);
    return bytes.length;
  }
}

/**
 * A filesystem tree built in memory by a format plug-in. Paths are normalised on the way in; a later entry
 * with the same path replaces an earlier one (as in tar and cpio). Content stays lazy.
 */
export class MemoryVfs implements Vfs {
  private readonly byPath = new Map<string, FsEntry>();
  private sorted: FsEntry[] | undefined;
  private kids: Map<string, FsEntry[]> | undefined;

  constructor(readonly layer: string) {}

  get size(): number {
    return this.byPath.size;
  }

  /** Adds an entry; returns false when its path tried to leave the root (the entry is kept, clamped to it). */
  add(init: EntryInit): boolean {
    const { path, escaped } = normalizePath(init.path);
    const entry = new MemEntry(init, path, this);
    this.byPath.set(path, entry);
    this.sorted = undefined;
    this.kids = undefined;
    return !escaped;
  }

  entries(): readonly FsEntry[] {
    this.sorted ??= [...this.byPath.values()].sort((a, b) => comparePaths(a.path, b.path));
    return this.sorted;
  }

  get(path: string): FsEntry | undefined {
    return this.byPath.get(normalizePath(path).path);
  }

  children(dir: string): readonly FsEntry[] {
    if (!this.kids) {
      this.kids = new Map();
      for (const e of this.entries()) {
        if (e.path === '/') continue;
        const parent = parentOf(e.path);
        let list = this.kids.get(parent);
        if (!list) this.kids.set(parent, (list = []));
        list.push(e);
      }
    }
    return this.kids.get(normalizePath(dir).path) ?? [];
  }

  resolve(path: string): FsEntry | undefined {
    let hops = 0;
    let pending = normalizePath(path).path.split('/').filter(Boolean);
    let current = '/';
    while (pending.length > 0) {
      const name = pending.shift()!;
      const candidate = joinPath(current, name);
      const entry = this.byPath.get(candidate);
      if (entry?.type === 'symlink' && entry.target !== undefined) {
        if (++hops > MAX_LINK_HOPS) return undefined;
        const base = entry.target.startsWith('/') ? '/' : current;
        const joined = normalizePath(`${base}/${entry.target}`);
        pending = [...joined.path.split('/').filter(Boolean), ...pending];
        current = '/';
        continue;
      }
      current = candidate;
    }
    let entry = this.byPath.get(current);
    while (entry?.type === 'hardlink' && entry.target !== undefined) {
      if (++hops > MAX_LINK_HOPS) return undefined;
      const next = this.byPath.get(normalizePath(entry.target).path);
      if (!next || next === entry) return undefined;
      entry = next;
    }
    return entry;
  }

  async readFile(path: string, maxBytes?: number): Promise<Buffer | undefined> {
    const entry = this.resolve(path);
    if (!entry || entry.type !== 'file') return undefined;
    return entry.read(maxBytes);
  }
}
