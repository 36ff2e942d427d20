import { bzip2Codec } from './bzip2/index.js';
import { deflateCodec } from './deflate/index.js';
import { gzipCodec } from './gzip/index.js';
import { lz4BlockCodec } from './lz4-block/index.js';
import { lz4FrameCodec } from './lz4-frame/index.js';
import { lzmaCodec } from './lzma/index.js';
import { lzmaRawCodec } from './lzma-raw/index.js';
import { lzo1xCodec } from './lzo1x/index.js';
import { xzCodec } from './xz/index.js';
import { zlibCodec } from './zlib/index.js';
import { zstdCodec } from './zstd/index.js';
import type { Codec } from './types.js';

/** Every codec, one plug-in folder each (src/firmware/codecs/<id>/); a test checks folders and this list agree. */
export const CODECS: readonly Codec[] = [
  bzip2Codec,
  deflateCodec,
  gzipCodec,
  lz4BlockCodec,
  lz4FrameCodec,
  lzmaCodec,
  lzmaRawCodec,
  lzo1xCodec,
  xzCodec,
  zlibCodec,
  zstdCodec,
];
