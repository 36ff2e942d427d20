import type { FormatPlugin } from '../../types.js';
import { probeZip } from './probe.js';
import { unpackZip } from './unpack.js';

/** zip: central directory, stored and deflate (plus bzip2/LZMA/zstd/xz when their codecs exist), zip64. */
export const zip: FormatPlugin = {
  id: 'zip',
  title: 'zip archive',
  kind: 'archive',
  signatures: [{ magic: Buffer.from([0x50, 0x4b, 0x03, 0x04]), at: 0 }],
  probe: probeZip,
  unpack: unpackZip,
};
