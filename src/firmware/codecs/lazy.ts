import { runCodec } from './run-codec.js';
import type { Codec, CodecId, DecompressOptions } from './types.js';

// Codecs loaded on first use, for worker threads: a thread that only ever inflates zlib blocks should not
// spend its start-up loading the xz, bzip2 and zstd decoders. The main thread uses the static registry.

const LOADERS: Readonly<Record<CodecId, () => Promise<Codec>>> = {
  'bzip2': async () => (await import('./bzip2/index.js')).bzip2Codec,
  'deflate': async () => (await import('./deflate/index.js')).deflateCodec,
  'gzip': async () => (await import('./gzip/index.js')).gzipCodec,
  'lz4-block': async () => (await import('./lz4-block/index.js')).lz4BlockCodec,
  'lz4-frame': async () => (await import('./lz4-frame/index.js')).lz4FrameCodec,
  'lzma': async () => (await import('./lzma/index.js')).lzmaCodec,
  'lzma-raw': async () => (await import('./lzma-raw/index.js')).lzmaRawCodec,
  'lzo1x': async () => (await import('./lzo1x/index.js')).lzo1xCodec,
  'xz': async () => (await import('./xz/index.js')).xzCodec,
  'zlib': async () => (await import('./zlib/index.js')).zlibCodec,
  'zstd': async () => (await import('./zstd/index.js')).zstdCodec,
};

const loaded = new Map<string, Codec>();

/** Loads the named codecs (unknown names are ignored: decompressLoaded() reports them). */
export async function loadCodecs(ids: Iterable<string>): Promise<void> {
  for (const id of ids) {
    const load = (LOADERS as Readonly<Record<string, (() => Promise<Codec>) | undefined>>)[id];
    if (load && !loaded.has(id)) loaded.set(id, await load());
  }
}

/** decompress() over the codecs loaded so far: the same contract, including the output cap. */
export function decompressLoaded(codec: CodecId, input: Buffer, options: DecompressOptions): Buffer {
  return runCodec(loaded.get(codec), codec, input, options);
}
