import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { TRX_MAGIC } from './header.js';
import { probeTrx, unpackTrx } from './unpack.js';

/** Broadcom TRX firmware container (v1 and v2), used by many Broadcom-based routers. */
export const trx: FormatPlugin = {
  id: 'trx',
  title: 'Broadcom TRX',
  kind: 'container',
  signatures: [{ magic: TRX_MAGIC, at: 0 }],
  probe: probeTrx,
  unpack: asyncUnpack(unpackTrx),
};
