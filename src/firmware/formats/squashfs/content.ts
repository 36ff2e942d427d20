import { ftruncateSync } from 'node:fs';
import { FormatError } from '../../errors.js';
import { writeAt, type BlockItem, type DecodeTask, type TaskRunner } from '../../pool/index.js';
import { checkRange } from '../../source/index.js';
import type { ByteSource } from '../../types.js';
import type { BlockCodec } from './block-codec.js';
import type { FileLayout } from './model.js';

/** Blocks per decode task: big files split into several tasks that decode in parallel. */
const TASK_BLOCKS = 8;
const EMPTY = Buffer.alloc(0);

/** Bit 24 of a data block size word: the block is stored uncompressed. */
export const STORED_BIT = 1 << 24;
const SIZE_MASK = STORED_BIT - 1;
const CACHED_FRAGMENTS = 16;

/** A fragment table entry: where the fragment block is and its size word. */
export interface FragmentEntry {
  readonly start: number;
  readonly word: number;
}

export interface ContentOptions {
  /** The image; when it has an `origin` (a file on disk), worker threads read the compressed bytes themselves. */
  readonly src: ByteSource;
  readonly blockSize: number;
  readonly codec: BlockCodec;
  readonly runner: TaskRunner;
  fragment(index: number): FragmentEntry;
}

/** Where the decoded blocks of a task go: part of a buffer, or a descriptor at a file position. */
type Destination = { readonly buffer: Buffer } | { readonly fd: number };

/**
 * Reads regular file content: full blocks (compressed, stored, or zero-size holes of sparse files) followed
 * by the tail, which sits in the last block or in a shared fragment block. The blocks are cut into tasks of
 * up to 8 blocks that the runner decodes on worker threads, either into the file's buffer (shared memory)
 * or straight into an output file (`writeTo`), so one big file or many concurrent files use every core;
 * with a file-backed image the workers read the compressed bytes themselves and only offsets cross
 * threads. Decoded fragment blocks are shared through a small LRU of promises, so concurrent readers of
 * one fragment decode it once.
 */
export class ContentReader {
  private readonly fragments = new Map<number, Promise<Buffer>>();

  constructor(private readonly options: ContentOptions) {}

  async read(file: FileLayout): Promise<Buffer> {
    if (file.blocks.length === 0) return file.fragment ? Buffer.from(await this.tail(file)) : Buffer.alloc(0);
    // Workers write into shared memory; in this thread any buffer will do.
    const out = this.options.runner.inThread ? Buffer.allocUnsafe(file.size) : Buffer.from(new SharedArrayBuffer(file.size));
    await this.settle(file, { buffer: out }, (tail, at) => void tail.copy(out, at));
    return out;
  }

  /** Writes the content into `fd` (an empty file): blocks from the workers, the tail from here. */
  async writeTo(file: FileLayout, fd: number): Promise<number> {
    if (file.blocks.length === 0) {
      // Most files of a root filesystem are only a tail: nothing runs on the workers for them but the
      // (shared, cached) fragment block, so there is nothing to settle.
      if (file.fragment) writeAt(fd, await this.tail(file), 0);
      return file.size;
    }
    await this.settle(file, { fd }, (tail, at) => writeAt(fd, tail, at));
    // Holes are not written: a file that ends in one gets its size here.
    if (!file.fragment && file.blocks.some((w) => w === 0)) ftruncateSync(fd, file.size);
    return file.size;
  }

  /**
   * Decodes the blocks into `dest` and places the tail, and returns only once every task has finished:
   * on failure the caller closes the descriptor (or drops the buffer), and a task still running could
   * otherwise write into a file that reuses the descriptor's number, or reject with nobody listening.
   */
  private async settle(file: FileLayout, dest: Destination, place: (tail: Buffer, at: number) => void): Promise<void> {
    const parts: Promise<unknown>[] = [];
    let failure: { error: unknown } | undefined;
    try {
      if (file.fragment) parts.push(this.tail(file).then((tail) => place(tail, file.blocks.length * this.options.blockSize)));
      if (file.blocks.length > 0) this.decodeBlocks(file, dest, parts);
    } catch (error) {
      failure = { error };
    }
    const settled = await Promise.allSettled(parts);
    if (failure) throw failure.error;
    for (const r of settled) if (r.status === 'rejected') throw r.reason;
  }

  /** Starts one task per run of up to TASK_BLOCKS blocks; each writes its part of the destination. */
  private decodeBlocks(file: FileLayout, dest: Destination, parts: Promise<unknown>[]): void {
    const { blockSize, codec, src, runner } = this.options;
    const origin = src.origin;
    // Reading here is needed to plan LZMA variants, and whenever the workers cannot read the image.
    const needData = runner.inThread || !origin || codec.compression.kind !== 'codec';
    let pos = file.start;
    for (let first = 0; first < file.blocks.length; first += TASK_BLOCKS) {
      const last = Math.min(file.blocks.length, first + TASK_BLOCKS);
      let bytes = 0;
      for (let i = first; i < last; i++) {
        const length = file.blocks[i]! & SIZE_MASK;
        if (length > blockSize) throw new FormatError(`squashfs: data block of ${length} bytes in a ${blockSize}-byte block filesystem`);
        bytes += length;
      }
      checkRange(src.label, src.size, pos, bytes);
      const data = needData ? src.read(pos, bytes) : undefined;
      const items: BlockItem[] = [];
      let at = 0;
      for (let i = first; i < last; i++) {
        const word = file.blocks[i]!;
        const length = word & SIZE_MASK;
        const compressed = length > 0 && !(word & STORED_BIT);
        const job = compressed ? codec.plan(data ? data.subarray(at, at + length) : EMPTY, blockSize) : null;
        items.push({ job, at, length, outLength: Math.min(blockSize, file.size - i * blockSize) });
        at += length;
      }
      const offset = first * blockSize;
      const outSize = Math.min(file.size, last * blockSize) - offset;
      const where = data ? { data } : { file: { path: origin!.path, dev: origin!.dev, ino: origin!.ino, offset: origin!.offset + pos, length: bytes } };
      const to = 'fd' in dest ? { fd: dest.fd, position: offset } : { target: dest.buffer.subarray(offset, offset + outSize) };
      const task: DecodeTask = { ...where, ...to, items, outSize, maxOutput: blockSize };
      parts.push(runner.run(task));
      pos += bytes;
    }
  }

  /** The file's tail inside its fragment block. */
  private async tail(file: FileLayout): Promise<Buffer> {
    const frag = file.fragment!;
    const length = file.size - file.blocks.length * this.options.blockSize;
    const block = await this.fragmentBlock(frag.index);
    if (frag.offset + length > block.length) throw new FormatError(`squashfs: tail of ${length} bytes at ${frag.offset} overruns its ${block.length}-byte fragment`);
    return block.subarray(frag.offset, frag.offset + length);
  }

  private fragmentBlock(index: number): Promise<Buffer> {
    const hit = this.fragments.get(index);
    if (hit) {
      this.fragments.delete(index);
      this.fragments.set(index, hit);
      return hit;
    }
    const loading = this.loadFragment(index);
    // A failed load must not stay cached: the next reader retries and gets its own error.
    loading.catch(() => this.fragments.delete(index));
    this.fragments.set(index, loading);
    if (this.fragments.size > CACHED_FRAGMENTS) this.fragments.delete(this.fragments.keys().next().value!);
    return loading;
  }

  private async loadFragment(index: number): Promise<Buffer> {
    const { blockSize, codec, src, runner } = this.options;
    const entry = this.options.fragment(index);
    const length = entry.word & SIZE_MASK;
    if (length === 0 || length > blockSize) throw new FormatError(`squashfs: fragment ${index} claims ${length} bytes`);
    checkRange(src.label, src.size, entry.start, length);
    const origin = src.origin;
    const inWorker = !runner.inThread && origin && codec.compression.kind === 'codec' && !(entry.word & STORED_BIT);
    const data = inWorker ? undefined : src.read(entry.start, length);
    if (data && entry.word & STORED_BIT) return Buffer.from(data);
    const where = data ? { data } : { file: { path: origin!.path, dev: origin!.dev, ino: origin!.ino, offset: origin!.offset + entry.start, length } };
    const job = codec.plan(data ?? EMPTY, blockSize);
    const decoded = await runner.run({ ...where, items: [{ job, at: 0, length, outLength: -1 }], outSize: -1, maxOutput: blockSize });
    if (!decoded) throw new FormatError('squashfs: fragment decode returned nothing');
    return decoded;
  }
}
