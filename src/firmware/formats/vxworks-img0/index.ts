import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { IMG0_MAGIC } from './img0.js';
import { probeImg0, unpackImg0 } from './unpack.js';

/** IMG0 header of TP-Link's VxWorks-based firmware: a section table over OS image, web filesystem and more. */
export const vxworksImg0: FormatPlugin = {
  id: 'vxworks-img0',
  title: 'VxWorks IMG0 image (TP-Link)',
  kind: 'container',
  signatures: [{ magic: IMG0_MAGIC, at: 0 }],
  probe: probeImg0,
  unpack: asyncUnpack(unpackImg0),
};
