import { inflateRawSync, inflateSync, gunzipSync } from 'node:zlib';
import { FormatError } from '../errors.js';
import type { Codec, CodecId, DecompressOptions } from './types.js';

// Interim registry: the zlib family through node:zlib. The codec plug-in folders replace these entries.
function zlibCodec(id: CodecId, fn: typeof inflateSync): Codec {
  return {
    id,
    decompress(input: Buffer, options: DecompressOptions): Buffer {
      try {
        return fn(input, { maxOutputLength: options.maxOutput });
      } catch (error) {
        throw new FormatError(`${id}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}

export const CODECS: readonly Codec[] = [
  zlibCodec('gzip', gunzipSync),
  zlibCodec('zlib', inflateSync),
  zlibCodec('deflate', inflateRawSync),
];
