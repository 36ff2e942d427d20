import type { FormatPlugin } from '../../types.js';
import { probeTar } from './probe.js';
import { unpackTar } from './unpack.js';

/** tar: POSIX ustar and pax, GNU (long names, sparse files) and v7 archives. */
export const tar: FormatPlugin = {
  id: 'tar',
  title: 'tar archive',
  kind: 'archive',
  // "ustar" at 257 covers POSIX ("ustar\0") and GNU ("ustar  ") headers; v7 archives have no magic to carve.
  signatures: [{ magic: Buffer.from('ustar', 'latin1'), at: 257 }],
  probe: probeTar,
  unpack: unpackTar,
};
