import { CODECS } from './registry.js';
import { runCodec } from './run-codec.js';
import type { CodecId, DecompressOptions } from './types.js';

export type { Codec, CodecId, DecompressOptions } from './types.js';

const BY_ID = new Map(CODECS.map((c) => [c.id, c]));

/** Decompresses with the named codec; throws FormatError for bad data, unknown codecs or output over the cap. */
export function decompress(codec: CodecId, input: Buffer, options: DecompressOptions): Buffer {
  return runCodec(BY_ID.get(codec), codec, input, options);
}

export function hasCodec(codec: CodecId): boolean {
  return BY_ID.has(codec);
}
