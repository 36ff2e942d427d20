import { FormatError } from '../../errors.js';
import { decodeLzma1 } from '../lib/lzma1.js';
import { asBuffer, checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';

/** The properties most LZMA encoders use; vendor streams without a header almost always have them. */
export const DEFAULT_RAW_PROPS = { lc: 3, lp: 0, pb: 2, dictSize: 1 << 23 } as const;

/**
 * A headerless LZMA1 stream (the range coder's first byte is input[0]) with properties from the container
 * (`options.lzma`, else lc=3 lp=0 pb=2). With `expectedSize` it decodes exactly that many bytes; without,
 * it stops at an end marker or, for streams that have neither a size nor a marker, at the input's end.
 * The dictionary size is not enforced: the whole output is the window (distances are checked against it).
 */
export function decompressLzmaRaw(input: Buffer, options: DecompressOptions): Buffer {
  const props = options.lzma ?? DEFAULT_RAW_PROPS;
  if (props.lc + props.lp > 12 || props.lc > 8 || props.lp > 4 || props.pb > 4) {
    throw new FormatError(`lzma-raw: invalid properties lc=${props.lc} lp=${props.lp} pb=${props.pb}`);
  }
  const size = options.expectedSize;
  const r = decodeLzma1(input, 0, { lc: props.lc, lp: props.lp, pb: props.pb, size, maxOutput: options.maxOutput, allowInputEnd: size === undefined });
  checkExpected('lzma-raw', r.data.length, size);
  return asBuffer(r.data);
}
