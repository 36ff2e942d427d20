/** Compression codecs found in firmware. Each has a plug-in folder under src/firmware/codecs/<id>/. */
export type CodecId =
  | 'gzip' | 'zlib' | 'deflate' | 'bzip2' | 'xz' | 'lzma' | 'lzma-raw' | 'zstd' | 'lz4-frame' | 'lz4-block' | 'lzo1x';

export interface DecompressOptions {
  /** Hard cap on output bytes: exceeding it throws FormatError (decompression bombs). */
  readonly maxOutput: number;
  /** Exact output size when the container knows it (squashfs blocks, raw LZ4/LZO blocks, raw LZMA). */
  readonly expectedSize?: number;
  /** Properties for `lzma-raw` streams that carry no header (vendor squashfs variants). */
  readonly lzma?: { readonly lc: number; readonly lp: number; readonly pb: number; readonly dictSize: number };
  /**
   * The caller is done with the output before its next decompress() in this thread (it writes or copies it
   * at once): a codec may then hand back a view of memory it reuses instead of a copy (xz does).
   */
  readonly transient?: boolean;
}

export interface Codec {
  readonly id: CodecId;
  /** Synchronous so it can run inside worker threads and tight parser loops; throws FormatError on bad data. */
  decompress(input: Buffer, options: DecompressOptions): Buffer;
}
