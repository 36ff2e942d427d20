import type { ByteSource, Probe } from '../../types.js';
import { carriesData } from './entry.js';
import { BLOCK, blocksFor, isZeroBlock, parseHeader, type TarHeader } from './header.js';

const V7_TYPES = new Set(['0', '1', '2', '3', '4', '5', '6', '7']);

/**
 * A tar archive starts with a header whose checksum is right and whose numeric fields parse. Archives
 * without the ustar magic (v7) are accepted only at offset 0 of a blob with a plain entry type and name;
 * the first entry's data must fit in the source, so a truncated or fake header is not taken for tar.
 */
export function probeTar(src: ByteSource): Probe | null {
  if (src.size < BLOCK) return null;
  const block = src.read(0, BLOCK);
  if (isZeroBlock(block)) return null;
  let header: TarHeader;
  try {
    header = parseHeader(block);
  } catch {
    return null;
  }
  if (header.flavour === 'v7' && (!V7_TYPES.has(header.typeflag) || header.name.length === 0)) return null;
  if (header.size < 0 || header.mtime < -(2 ** 40)) return null;
  const data = carriesData(header.typeflag) ? blocksFor(header.size) : 0;
  if (BLOCK + data > src.size) return null;
  const flavour = header.flavour === 'gnu' ? 'GNU' : header.flavour === 'ustar' ? 'POSIX ustar' : 'v7';
  return { description: `tar archive (${flavour})` };
}
