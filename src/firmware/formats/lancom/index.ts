import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { LANCOM_MAGIC } from './pack.js';
import { probeLancom, unpackLancom } from './unpack.js';

/** LANCOM router firmware: an RNTP1.01 header with a PACK table of (mostly LZMA-compressed) parts. */
export const lancom: FormatPlugin = {
  id: 'lancom',
  title: 'LANCOM firmware (RNTP)',
  kind: 'container',
  signatures: [{ magic: LANCOM_MAGIC, at: 0 }],
  probe: probeLancom,
  unpack: asyncUnpack(unpackLancom),
};
