import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import type { BlockCodec } from './block-codec.js';
import type { TaskRunner } from './block-pool.js';
import type { FileLayout } from './model.js';
import type { DecodeTask } from './task.js';

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
  readonly src: ByteSource;
  readonly blockSize: number;
  readonly codec: BlockCodec;
  readonly runner: TaskRunner;
  fragment(index: number): FragmentEntry;
}

/**
 * Reads regular file content: full blocks (compressed, stored, or zero-size holes of sparse files) followed
 * by the tail, which sits in the last block or in a shared fragment block. Each block is decoded by the
 * runner (worker threads), so one big file or many concurrent reads use every core. Decoded fragment blocks are shared through a small LRU
 * of promises, so concurrent readers of one fragment decode it once.
 */
export class ContentReader {
  private readonly fragments = new Map<number, Promise<Buffer>>();

  constructor(private readonly options: ContentOptions) {}

  async read(file: FileLayout): Promise<Buffer> {
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
    if (tail) (await tail).copy(out, pos);
    return out;
  }

  /**
   * Starts decoding every block of a file, one task per block so that the blocks of one file spread over the
   * workers. Each block's bytes are read just before its task starts (a source may reuse the memory of a read
   * on the next read); stored blocks and holes need no decoding.
   */
  private decodeBlocks(file: FileLayout): Promise<Buffer>[] {
    const { blockSize, codec, src, runner } = this.options;
    const parts: Promise<Buffer>[] = [];
    let pos = file.start;
    for (let i = 0; i < file.blocks.length; i++) {
      const word = file.blocks[i]!;
      const length = word & SIZE_MASK;
      const outLength = Math.min(blockSize, file.size - i * blockSize);
      if (length > blockSize) throw new FormatError(`squashfs: data block of ${length} bytes in a ${blockSize}-byte block filesystem`);
      if (length === 0) {
        // A hole: sparse files store no bytes for an all-zero block.
        parts.push(Promise.resolve(Buffer.alloc(outLength)));
        continue;
      }
      const data = src.read(pos, length);
      pos += length;
      if (word & STORED_BIT) {
        if (length !== outLength) throw new FormatError(`squashfs: stored block of ${length} bytes where ${outLength} belong`);
        parts.push(Promise.resolve(Buffer.from(data)));
        continue;
      }
      const task: DecodeTask = { data, items: [{ job: codec.plan(data, blockSize), at: 0, length, outLength }], outSize: outLength, maxOutput: blockSize };
      parts.push(runner.run(task));
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
