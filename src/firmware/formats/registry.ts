import type { FormatPlugin } from '../types.js';
import { cpio } from './cpio/index.js';
import { deviceTree } from './device-tree/index.js';
import { fit } from './fit/index.js';
import { lancom } from './lancom/index.js';
import { linuxKernel } from './linux-kernel/index.js';
import { sevenZip } from './seven-zip/index.js';
import { tar } from './tar/index.js';
import { tplink } from './tplink/index.js';
import { trx } from './trx/index.js';
import { uimage } from './uimage/index.js';
import { vxworksImg0 } from './vxworks-img0/index.js';
import { windRiverMfs } from './wind-river-mfs/index.js';
import { zip } from './zip/index.js';

/**
 * Every format plug-in, in probe order. A blob is identified by the first plug-in whose `probe` accepts it,
 * and carving tries candidates at the same offset in this order, so formats with strong structural checks
 * (checksummed headers, self-describing superblocks) come before weak ones (compression streams with
 * short magics, which only prove themselves by decoding):
 *   1. containers with checksummed headers (uImage, FIT, TRX, vendor headers)
 *   2. filesystems (squashfs, ...)
 *   3. archives (tar: header checksum; cpio: full header parse; zip: central directory)
 *   4. compression streams (gzip, xz, bzip2, zstd, lz4, lzma, zlib)
 *   5. kernels (bzImage/zImage wrappers)
 * A test checks that this list and the folders under src/firmware/formats/ agree.
 */
export const FORMATS: readonly FormatPlugin[] = [
  // 1. containers with checksummed or self-describing headers
  uimage,
  fit,
  deviceTree,
  trx,
  tplink,
  vxworksImg0,
  windRiverMfs,
  lancom,
  // 3. archives
  tar,
  cpio,
  zip,
  sevenZip,
  // 5. kernels (before the weak compression magics they wrap)
  linuxKernel,
];
