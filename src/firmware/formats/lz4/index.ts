import { decodeLz4Frames } from '../../codecs/lz4-frame/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeLz4 } from './probe.js';

/** LZ4 frames (and the legacy format of kernel images) into one blob, with the compressed length. */
export const lz4: FormatPlugin = {
  id: 'lz4',
  title: 'LZ4 compressed data',
  kind: 'compression',
  signatures: [
    { magic: Buffer.from([0x04, 0x22, 0x4d, 0x18]), at: 0 },
    { magic: Buffer.from([0x02, 0x21, 0x4c, 0x18]), at: 0 },
  ],
  probe: probeLz4,
  unpack: (src, ctx) => unpackStream(src, ctx, 'lz4', (bytes, max) => decodeLz4Frames(bytes, max)),
};
