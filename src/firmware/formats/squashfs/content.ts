import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import type { BlockCodec } from './block-codec.js';
import type { TaskRunner } from './block-pool.js';
import type { FileLayout } from './model.js';
import type { BlockItem, DecodeTask } from './task.js';

/** Bit 24 of a data block size word: the block is stored uncompressed. */
export const STORED_BIT = 1 << 24;
const SIZE_MASK = STORED_BIT - 1;
/** Blocks per decode task: big files split into several tasks that decode in parallel. */
const TASK_BLOCKS = 8;
const CACHED_FRAGMENTS = 16;

/** A fragment table entry: where the fragment block is and its size word. */
export interface FragmentEntry {
  readonly start: number;
  readonly word: number;
}

export interface ContentOptions {
  readonly src: ByteSource;
  readonly blockSize: number;
  readonly codec: BlockCodec;
  readonly runner: TaskRunner;
  fragment(index: number): FragmentEntry;
}

/**
 * Reads regular file content: full blocks (compressed, stored, or zero-size holes of sparse files) followed
 * by the tail, which sits in the last block or in a shared fragment block. The blocks of a file are cut into
 * tasks of a few blocks, each read with one system call and decoded by the runner (worker threads), so one
 * big file or many concurrent reads use every core. Decoded fragment blocks are shared through a small LRU
 * of promises, so concurrent readers of one fragment decode it once.
 */
export class ContentReader {
  private readonly fragments = new Map<number, Promise<Buffer>>();

  constructor(private readonly options: ContentOptions) {}

  async read(file: FileLayout): Promise<Buffer> {
    const { blockSize } = this.options;
    const tail = file.fragment ? this.tail(file) : undefined;
    if (file.blocks.length === 0) return tail ? Buffer.from(await tail) : Buffer.alloc(0);
    const parts = this.decodeBlocks(file);
    if (parts.length === 1 && !tail) return parts[0]!;
    const out = Buffer.allocUnsafe(file.size);
    let pos = 0;
    for (const part of await Promise.all(parts)) {
      part.copy(out, pos);
      pos += part.length;
    }
    if (tail) (await tail).copy(out, file.blocks.length * blockSize);
    return out;
  }

  /**
   * Cuts the block list into tasks (each task's compressed bytes are contiguous on disk) and starts each one
   * as soon as its bytes are read: a source may reuse the memory of a read on the next read.
   */
  private decodeBlocks(file: FileLayout): Promise<Buffer>[] {
    const { blockSize, codec, src, runner } = this.options;
    const parts: Promise<Buffer>[] = [];
    let pos = file.start;
    for (let first = 0; first < file.blocks.length; first += TASK_BLOCKS) {
      const last = Math.min(file.blocks.length, first + TASK_BLOCKS);
      let bytes = 0;
      for (let i = first; i < last; i++) {
        const length = file.blocks[i]! & SIZE_MASK;
        if (length > blockSize) throw new FormatError(`squashfs: data block of ${length} bytes in a ${blockSize}-byte block filesystem`);
        bytes += length;
      }
      const data = src.read(pos, bytes);
      const items: BlockItem[] = [];
      let at = 0;
      let outSize = 0;
      for (let i = first; i < last; i++) {
        const word = file.blocks[i]!;
        const length = word & SIZE_MASK;
        const outLength = Math.min(blockSize, file.size - i * blockSize);
        const compressed = length > 0 && !(word & STORED_BIT);
        items.push({ job: compressed ? codec.plan(data.subarray(at, at + length), blockSize) : null, at, length, outLength });
        at += length;
        outSize += outLength;
      }
      const task: DecodeTask = { data, items, outSize, maxOutput: blockSize };
      parts.push(runner.run(task));
      pos += bytes;
    }
    return parts;
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
    const data = src.read(entry.start, length);
    if (entry.word & STORED_BIT) return Buffer.from(data);
    return runner.run({ data, items: [{ job: codec.plan(data, blockSize), at: 0, length, outLength: -1 }], outSize: -1, maxOutput: blockSize });
  }
}
