import { FormatError } from '../errors.js';
import { CODECS } from './registry.js';
import type { CodecId, DecompressOptions } from './types.js';

export type { Codec, CodecId, DecompressOptions } from './types.js';

const BY_ID = new Map(CODECS.map((c) => [c.id, c]));

/** Decompresses with the named codec; throws FormatError for bad data, unknown codecs or output over the cap. */
export function decompress(codec: CodecId, input: Buffer, options: DecompressOptions): Buffer {
  const impl = BY_ID.get(codec);
  if (!impl) throw new FormatError(`codec ${codec} is not available`);
  const out = impl.decompress(input, options);
  if (out.length > options.maxOutput) throw new FormatError(`${codec}: output over the ${options.maxOutput}-byte cap`);
  return out;
}

export function hasCodec(codec: CodecId): boolean {
  return BY_ID.has(codec);
}
