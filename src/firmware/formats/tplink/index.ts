import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { TPLINK_MAGIC } from './header.js';
import { probeTpLink, unpackTpLink } from './unpack.js';

/** TP-Link firmware update header, version 1 (kernel + rootfs, optionally with a bundled bootloader). */
export const tplink: FormatPlugin = {
  id: 'tplink',
  title: 'TP-Link firmware header (v1)',
  kind: 'container',
  signatures: [{ magic: TPLINK_MAGIC, at: 0 }],
  probe: probeTpLink,
  unpack: asyncUnpack(unpackTpLink),
};
