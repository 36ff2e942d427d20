import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FormatError } from '../errors.js';
import type { ByteSource, SourceOrigin } from '../types.js';
import { checkRange } from './buffer-source.js';

const PAGE = 64 * 1024;
const CACHED_PAGES = 64;

// Trees keep reading their image lazily for as long as anyone holds them, so nobody can tell when to close
// it: the descriptor is closed when the source is garbage collected (or explicitly with close()).
const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * A source over a file on disk that never reads the whole file: reads go through a small page cache so the
 * many little header reads of a parser cost one system call per 64 KiB page.
 */
export class FileSource implements ByteSource {
  private readonly fd: number;
  readonly size: number;
  private readonly pages = new Map<number, Buffer>();

  readonly origin: SourceOrigin;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    const st = fstatSync(this.fd);
    this.size = st.size;
    this.origin = { path, offset: 0, dev: st.dev, ino: st.ino };
    descriptors.register(this, this.fd, this);
  }

  get label(): string {
    return this.path;
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.path, this.size, offset, length);
    const first = Math.floor(offset / PAGE);
    const last = Math.floor((offset + Math.max(length, 1) - 1) / PAGE);
    if (first === last) {
      const page = this.page(first);
      return page.subarray(offset - first * PAGE, offset - first * PAGE + length);
    }
    return this.readDirect(offset, length);
  }

  slice(offset: number, length: number): ByteSource {
    checkRange(this.path, this.size, offset, length);
    return new SliceSource(this, offset, length);
  }

  /** Reads without the cache (large spans such as whole compressed blocks). */
  readDirect(offset: number, length: number): Buffer {
    checkRange(this.path, this.size, offset, length);
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, out, done, length - done, offset + done);
      if (n === 0) throw new FormatError(`${this.path}: file shrank while being read`);
      done += n;
    }
    return out;
  }

  close(): void {
    this.pages.clear();
    descriptors.unregister(this);
    closeSync(this.fd);
  }

  private page(index: number): Buffer {
    const hit = this.pages.get(index);
    if (hit) {
      this.pages.delete(index);
      this.pages.set(index, hit);
      return hit;
    }
    const start = index * PAGE;
    const page = this.readDirect(start, Math.min(PAGE, this.size - start));
    this.pages.set(index, page);
    if (this.pages.size > CACHED_PAGES) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}

/** A window of another source. */
export class SliceSource implements ByteSource {
  readonly origin?: SourceOrigin;

  constructor(private readonly parent: ByteSource, private readonly start: number, readonly size: number) {
    if (parent.origin) this.origin = { ...parent.origin, offset: parent.origin.offset + start };
  }

  get label(): string {
    return `${this.parent.label}@0x${this.start.toString(16)}`;
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.label, this.size, offset, length);
    return this.parent.read(this.start + offset, length);
  }

  slice(offset: number, length: number): ByteSource {
    checkRange(this.label, this.size, offset, length);
    return new SliceSource(this.parent, this.start + offset, length);
  }
}
