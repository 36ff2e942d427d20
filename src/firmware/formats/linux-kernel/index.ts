import { asyncUnpack } from '../../container/payload.js';
import type { FormatPlugin } from '../../types.js';
import { probeLinuxKernel, unpackLinuxKernel } from './unpack.js';
import { ZIMAGE_MAGIC_BE, ZIMAGE_MAGIC_LE } from './zimage.js';

/** Linux kernel images: x86 bzImage, ARM zImage (LE/BE) and vmlinux ELF; yields the kernel and its initramfs. */
export const linuxKernel: FormatPlugin = {
  id: 'linux-kernel',
  title: 'Linux kernel (bzImage, zImage, vmlinux)',
  kind: 'kernel',
  signatures: [
    { magic: Buffer.from('HdrS', 'latin1'), at: 0x202 },
    { magic: ZIMAGE_MAGIC_LE, at: 0x24 },
    { magic: ZIMAGE_MAGIC_BE, at: 0x24 },
  ],
  probe: probeLinuxKernel,
  unpack: asyncUnpack(unpackLinuxKernel),
};
