import { decodeZstd } from '../../codecs/zstd/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeZstd } from './probe.js';

/** Zstandard: consecutive frames into one blob; block headers give the exact compressed length. */
export const zstd: FormatPlugin = {
  id: 'zstd',
  title: 'Zstandard compressed data',
  kind: 'compression',
  signatures: [{ magic: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), at: 0 }],
  probe: probeZstd,
  unpack: (src, ctx) => unpackStream(src, ctx, 'zstd', (bytes, max) => decodeZstd(bytes, max)),
};
