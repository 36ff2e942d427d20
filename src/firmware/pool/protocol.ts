import type { CodecId, DecompressOptions } from '../codecs/types.js';

// The messages between the pool and its worker threads. Everything is plain data (structured-clonable);
// compressed bytes either travel along (transferred) or are read by the worker from the image file.

/** decompress() of src/firmware/codecs: the static registry here, codecs loaded on demand in workers. */
export type Decompress = (codec: CodecId, input: Buffer, options: DecompressOptions) => Buffer;

/** LZMA properties for streams that carry no header of their own. */
export interface LzmaProps {
  readonly lc: number;
  readonly lp: number;
  readonly pb: number;
  readonly dictSize: number;
}

/** How one compressed block is decoded: a codec, header bytes to skip, and LZMA properties when needed. */
export interface BlockJob {
  readonly codec: CodecId;
  readonly skip: number;
  readonly lzma?: LzmaProps;
}

/** One block of a task: compressed (job set), stored (job null, length > 0) or a hole (length 0). */
export interface BlockItem {
  readonly job: BlockJob | null;
  /** Offset of the block's bytes inside the task's compressed span. */
  readonly at: number;
  readonly length: number;
  /** Decoded size, or -1 when only the cap is known (single-block tasks only). */
  readonly outLength: number;
}

/** A span of an image file that a worker reads itself; `dev`/`ino` must still match the file at `path`. */
export interface FileSpan {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  readonly offset: number;
  readonly length: number;
}

/**
 * A run of blocks whose compressed bytes are contiguous, decoded in order. The compressed span comes along
 * (`data`) or is read by the worker (`file`). The output goes to one of: `fd` (written at `position` with
 * pwrite; holes are skipped), `target` (a view of shared memory), or a new buffer handed back.
 */
export interface DecodeTask {
  readonly data?: Uint8Array;
  readonly file?: FileSpan;
  readonly items: readonly BlockItem[];
  /** Total decoded size, or -1 for a single block of unknown size. */
  readonly outSize: number;
  /** Cap on each block's decoded size. */
  readonly maxOutput: number;
  readonly target?: Uint8Array;
  readonly fd?: number;
  readonly position?: number;
}

/** Tasks posted to a worker in one message. */
export interface TaskBatch {
  readonly tasks: readonly { readonly id: number; readonly task: DecodeTask }[];
}

/** A task's result: the decoded buffer (when the task had no target), or the error it failed with. */
export type TaskReply =
  | { readonly id: number; readonly out?: Uint8Array }
  | { readonly id: number; readonly error: string; readonly format: boolean };

/** Replies posted by a worker in one message. */
export interface ReplyBatch {
  readonly replies: readonly TaskReply[];
}
