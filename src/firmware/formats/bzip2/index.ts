import { decodeBzip2 } from '../../codecs/bzip2/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeBzip2 } from './probe.js';

/** bzip2: every concatenated stream into one blob; the end-of-stream marker gives the compressed length. */
export const bzip2: FormatPlugin = {
  id: 'bzip2',
  title: 'bzip2 compressed data',
  kind: 'compression',
  signatures: [{ magic: Buffer.from('BZh', 'latin1'), at: 0 }],
  probe: probeBzip2,
  unpack: (src, ctx) => unpackStream(src, ctx, 'bzip2', (bytes, max) => decodeBzip2(bytes, max)),
};
