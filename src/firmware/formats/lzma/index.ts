import { decodeLzma } from '../../codecs/lzma/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeLzma } from './probe.js';

/**
 * LZMA "alone" streams (.lzma, kernel and bootloader payloads). No magic: the signatures are the usual
 * header starts (common properties byte + a dictionary of at least 64 KiB), and the probe decodes a trial.
 */
export const lzma: FormatPlugin = {
  id: 'lzma',
  title: 'LZMA compressed data',
  kind: 'compression',
  signatures: [0x5d, 0x6d, 0x6c, 0x5e, 0x5c, 0x2c].map((p) => ({ magic: Buffer.from([p, 0x00, 0x00]), at: 0 })),
  probe: probeLzma,
  unpack: (src, ctx) => unpackStream(src, ctx, 'lzma', (bytes, maxOutput) => decodeLzma(bytes, { maxOutput, vendor: false })),
};
