import type { CodecId, DecompressOptions } from '../codecs/types.js';

/** What the main thread sends a worker. */
export interface DecompressTask {
  readonly codec: CodecId;
  readonly input: Uint8Array;
  readonly options: DecompressOptions;
}

/** What a worker returns when the codec threw. */
export interface TaskFailure {
  readonly failed: true;
  /** True for FormatError (bad data); false for anything else (a bug, out of memory). */
  readonly format: boolean;
  readonly message: string;
}
