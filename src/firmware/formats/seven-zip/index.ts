import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { SEVEN_ZIP_MAGIC } from './header.js';
import { probeSevenZip, unpackSevenZip } from './unpack.js';

/** 7z archive: recognised and measured as an opaque layer (its contents are not extracted). */
export const sevenZip: FormatPlugin = {
  id: 'seven-zip',
  title: '7-zip archive (opaque)',
  kind: 'archive',
  signatures: [{ magic: SEVEN_ZIP_MAGIC, at: 0 }],
  probe: probeSevenZip,
  unpack: asyncUnpack(unpackSevenZip),
};
