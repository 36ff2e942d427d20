import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { FDT_MAGIC } from '../device-tree/header.js';
import { probeFit, unpackFit } from './unpack.js';

const magic = Buffer.alloc(4);
magic.writeUInt32BE(FDT_MAGIC, 0);

/** u-boot Flattened Image Tree (.itb): a device tree whose /images hold kernels, device trees and ramdisks. */
export const fit: FormatPlugin = {
  id: 'fit',
  title: 'u-boot Flattened Image Tree (FIT)',
  kind: 'container',
  signatures: [{ magic, at: 0 }],
  probe: probeFit,
  unpack: asyncUnpack(unpackFit),
};
