import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { FDT_MAGIC } from './header.js';
import { probeDeviceTree, unpackDeviceTree } from './unpack.js';

const magic = Buffer.alloc(4);
magic.writeUInt32BE(FDT_MAGIC, 0);

/** Flattened device tree blob (.dtb) that is not a FIT image: recognised and described, no payloads. */
export const deviceTree: FormatPlugin = {
  id: 'device-tree',
  title: 'Flattened device tree (DTB)',
  kind: 'container',
  signatures: [{ magic, at: 0 }],
  probe: probeDeviceTree,
  unpack: asyncUnpack(unpackDeviceTree),
};
