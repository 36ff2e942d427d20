import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import type { BlockCodec } from './block-codec.js';
import type { FileLayout } from './model.js';

/** Bit 24 of a data block size word: the block is stored uncompressed. */
export const STORED_BIT = 1 << 24;
const SIZE_MASK = STORED_BIT - 1;
/** Compressed bytes fetched with one read when a file's blocks are contiguous. */
const SPAN = 4 * 1024 * 1024;
const CACHED_FRAGMENTS = 8;

/** A fragment table entry: where the fragment block is and its size word. */
export interface FragmentEntry {
  readonly start: number;
  readonly word: number;
}

export interface ContentOptions {
  readonly src: ByteSource;
  readonly blockSize: number;
  readonly codec: BlockCodec;
  fragment(index: number): FragmentEntry;
}

/**
 * Reads regular file content: full blocks (compressed, stored, or zero-size holes of sparse files) followed
 * by the tail, which sits in the last block or in a shared fragment block. Compressed bytes of consecutive
 * blocks are fetched in large spans; decoded fragment blocks are kept in a small LRU because many small
 * files share one.
 */
export class ContentReader {
  private readonly fragments = new Map<number, Buffer>();

  constructor(private readonly options: ContentOptions) {}

  read(file: FileLayout): Buffer {
    const { blockSize } = this.options;
    const blocks = file.blocks;
    // The common small file: one block, or only a fragment tail; hand out the decoded buffer itself.
    if (blocks.length === 0) return file.fragment ? Buffer.from(this.tail(file)) : Buffer.alloc(0);
    const out = Buffer.allocUnsafe(file.size);
    let pos = file.start;
    let i = 0;
    while (i < blocks.length) {
      // Gather a run of consecutive non-empty blocks into one read.
      let end = i;
      let bytes = 0;
      while (end < blocks.length && (blocks[end]! & SIZE_MASK) !== 0 && (end === i || bytes + (blocks[end]! & SIZE_MASK) <= SPAN)) {
        bytes += blocks[end]! & SIZE_MASK;
        end++;
      }
      if (end === i) {
        // A hole: sparse files store no bytes for an all-zero block.
        out.fill(0, i * blockSize, Math.min(file.size, (i + 1) * blockSize));
        i++;
        continue;
      }
      const span = this.options.src.read(pos, bytes);
      let at = 0;
      for (; i < end; i++) {
        const word = blocks[i]!;
        const length = word & SIZE_MASK;
        const outLength = Math.min(blockSize, file.size - i * blockSize);
        this.decodeInto(span.subarray(at, at + length), word, outLength, out, i * blockSize);
        at += length;
      }
      pos += bytes;
    }
    if (file.fragment) this.tail(file).copy(out, blocks.length * blockSize);
    return out;
  }

  private decodeInto(data: Buffer, word: number, outLength: number, out: Buffer, outOffset: number): void {
    if (word & STORED_BIT) {
      if (data.length !== outLength) throw new FormatError(`squashfs: stored block of ${data.length} bytes where ${outLength} belong`);
      data.copy(out, outOffset);
      return;
    }
    this.options.codec.decode(data, this.options.blockSize, outLength).copy(out, outOffset);
  }

  /** The file's tail inside its fragment block. */
  private tail(file: FileLayout): Buffer {
    const frag = file.fragment!;
    const length = file.size - file.blocks.length * this.options.blockSize;
    const block = this.fragmentBlock(frag.index);
    if (frag.offset + length > block.length) throw new FormatError(`squashfs: tail of ${length} bytes at ${frag.offset} overruns its ${block.length}-byte fragment`);
    return block.subarray(frag.offset, frag.offset + length);
  }

  private fragmentBlock(index: number): Buffer {
    const hit = this.fragments.get(index);
    if (hit) {
      this.fragments.delete(index);
      this.fragments.set(index, hit);
      return hit;
    }
    const entry = this.options.fragment(index);
    const length = entry.word & SIZE_MASK;
    if (length === 0 || length > this.options.blockSize) throw new FormatError(`squashfs: fragment ${index} claims ${length} bytes`);
    const data = this.options.src.read(entry.start, length);
    const block = entry.word & STORED_BIT ? Buffer.from(data) : this.options.codec.decode(data, this.options.blockSize);
    this.fragments.set(index, block);
    if (this.fragments.size > CACHED_FRAGMENTS) this.fragments.delete(this.fragments.keys().next().value!);
    return block;
  }
}
