import type { FormatPlugin } from '../../types.js';
import { probeCpio } from './probe.js';
import { unpackCpio } from './unpack.js';

/** cpio: SVR4 newc and crc (initramfs), POSIX odc and old binary archives. */
export const cpio: FormatPlugin = {
  id: 'cpio',
  title: 'cpio archive',
  kind: 'archive',
  // The old binary format's 2-byte magic is too weak to carve by; it is recognised only as a whole blob.
  signatures: [
    { magic: Buffer.from('070701', 'latin1'), at: 0 },
    { magic: Buffer.from('070702', 'latin1'), at: 0 },
    { magic: Buffer.from('070707', 'latin1'), at: 0 },
  ],
  probe: probeCpio,
  unpack: unpackCpio,
};
