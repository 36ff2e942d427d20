import type { FormatPlugin } from '../../types.js';
import { asyncUnpack } from '../../container/payload.js';
import { UIMAGE_MAGIC } from './header.js';
import { probeUImage, unpackUImage } from './unpack.js';

const magic = Buffer.alloc(4);
magic.writeUInt32BE(UIMAGE_MAGIC, 0);

/** u-boot legacy image (uImage): 64-byte header, single or multi-file payload. */
export const uimage: FormatPlugin = {
  id: 'uimage',
  title: 'u-boot legacy image (uImage)',
  kind: 'container',
  signatures: [{ magic, at: 0 }],
  probe: probeUImage,
  unpack: asyncUnpack(unpackUImage),
};
