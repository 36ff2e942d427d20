import { FormatError } from '../errors.js';
import type { Codec, CodecId, DecompressOptions } from './types.js';

/** One decompression with the contract every entry point keeps: unknown codecs and output over the cap are FormatErrors. */
export function runCodec(impl: Codec | undefined, codec: CodecId, input: Buffer, options: DecompressOptions): Buffer {
  if (!impl) throw new FormatError(`codec ${codec} is not available`);
  const out = impl.decompress(input, options);
  if (out.length > options.maxOutput) throw new FormatError(`${codec}: output over the ${options.maxOutput}-byte cap`);
  return out;
}
