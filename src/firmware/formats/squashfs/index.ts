import type { ByteSource, FormatPlugin, Probe, UnpackContext, Unpacked } from '../../types.js';
import { SquashfsV4 } from './reader.js';
import { MAGIC_BE, MAGIC_LE, parseSuperblockV4 } from './superblock.js';
import { buildTree } from './tree.js';

const COMPRESSOR_NAMES = ['?', 'gzip', 'lzma', 'lzo', 'xz', 'lz4', 'zstd'];

function probeSquashfs(src: ByteSource): Probe | null {
  try {
    const sb = parseSuperblockV4(src);
    const order = sb.littleEndian ? 'little-endian' : 'big-endian';
    const compressor = COMPRESSOR_NAMES[sb.compression] ?? `compressor ${sb.compression}`;
    return {
      length: sb.bytesUsed,
      description: `squashfs 4.${sb.minor} ${order}, ${compressor}, ${sb.inodes} inodes, block size ${sb.blockSize}`,
    };
  } catch {
    return null;
  }
}

async function unpackSquashfs(src: ByteSource, ctx: UnpackContext): Promise<Unpacked> {
  const fs = new SquashfsV4(src);
  const vfs = buildTree(fs, ctx);
  return Promise.resolve({ kind: 'tree', vfs, length: fs.sb.bytesUsed });
}

/** SquashFS 4.0, both byte orders (big-endian as in AVM firmware), every compressor id. */
export const squashfs: FormatPlugin = {
  id: 'squashfs',
  title: 'SquashFS 4.0 filesystem',
  kind: 'filesystem',
  signatures: [
    { magic: MAGIC_LE, at: 0 },
    { magic: MAGIC_BE, at: 0 },
  ],
  probe: probeSquashfs,
  unpack: unpackSquashfs,
};
