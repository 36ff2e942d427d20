import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { MFS_MAGIC } from './mfs.js';
import { probeMfs, unpackMfs } from './unpack.js';

/** Wind River management filesystem (web UI files of TP-Link VxWorks firmware), one blob per file. */
export const windRiverMfs: FormatPlugin = {
  id: 'wind-river-mfs',
  title: 'Wind River management filesystem',
  kind: 'archive',
  signatures: [{ magic: MFS_MAGIC, at: 0 }],
  probe: probeMfs,
  unpack: asyncUnpack(unpackMfs),
};
