import type { ByteSource, FormatPlugin, Probe, UnpackContext, Unpacked } from '../../types.js';
import { buildTree } from '../squashfs/tree.js';
import { SquashfsLegacy } from './reader.js';
import { MAGICS, parseSuperblockLegacy } from './superblock.js';

function probeLegacy(src: ByteSource): Probe | null {
  try {
    const sb = parseSuperblockLegacy(src);
    const order = sb.littleEndian ? 'little-endian' : 'big-endian';
    const flavour = sb.lzmaHint ? ', vendor LZMA' : '';
    return {
      length: sb.bytesUsed,
      description: `squashfs ${sb.major}.${sb.lzmaHint ? 'x' : sb.minor} ${order}${flavour}, ${sb.inodes} inodes, block size ${sb.blockSize}`,
    };
  } catch {
    return null;
  }
}

async function unpackLegacy(src: ByteSource, ctx: UnpackContext): Promise<Unpacked> {
  const fs = new SquashfsLegacy(src);
  const vfs = buildTree(fs, ctx);
  return Promise.resolve({ kind: 'tree', vfs, length: fs.sb.bytesUsed });
}

/** SquashFS 2.x and 3.x: bit-packed structures in either byte order, zlib or vendor LZMA blocks. */
export const squashfsLegacy: FormatPlugin = {
  id: 'squashfs-legacy',
  title: 'SquashFS 2.x/3.x filesystem',
  kind: 'filesystem',
  signatures: MAGICS.map((m) => ({ magic: m.magic, at: 0 })),
  probe: probeLegacy,
  unpack: unpackLegacy,
};
