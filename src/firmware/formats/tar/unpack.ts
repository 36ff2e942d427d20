import { FormatError } from '../../errors.js';
import { promised } from '../promised.js';
import { checkAborted, checkEntries } from '../../limits.js';
import type { ByteSource, UnpackContext, Unpacked } from '../../types.js';
import { MemoryVfs } from '../../vfs/index.js';
import { untilNul } from '../text.js';
import { entryInit, entryType, carriesData, mergePax, type Pending } from './entry.js';
import { BLOCK, blocksFor, isZeroBlock, parseHeader, type TarHeader } from './header.js';
import { paxNumber, paxString, parsePax, type PaxRecords } from './pax.js';
import { gnuSparseMap, pax1SparseMap, sparseContent, type SparseMap } from './sparse.js';

/** GNU tar writes archives in records of 20 blocks; zero padding up to the record end belongs to the archive. */
const RECORD = 20 * BLOCK;
/** Longest GNU long name or pax header accepted (real ones are a few hundred bytes). */
const MAX_META = 1024 * 1024;

interface Walk {
  readonly src: ByteSource;
  readonly ctx: UnpackContext;
  readonly vfs: MemoryVfs;
  global: PaxRecords;
  pending: Pending;
  entries: number;
  escaped: number;
}

/** Walks the headers from offset 0 and builds the tree; content stays in the source until read. */
export function unpackTar(src: ByteSource, ctx: UnpackContext): Promise<Unpacked> {
  return promised(() => walkTar(src, ctx));
}

function walkTar(src: ByteSource, ctx: UnpackContext): Unpacked {
  const walk: Walk = { src, ctx, vfs: new MemoryVfs(ctx.layer), global: new Map(), pending: {}, entries: 0, escaped: 0 };
  let pos = 0;
  for (;;) {
    if (pos + BLOCK > src.size) {
      ctx.warn(`no end-of-archive marker: the archive ends at 0x${pos.toString(16)}`);
      break;
    }
    const block = src.read(pos, BLOCK);
    if (isZeroBlock(block)) {
      pos = endOfArchive(src, pos, ctx);
      break;
    }
    let header: TarHeader;
    try {
      header = parseHeader(block);
    } catch (error) {
      if (pos === 0) throw error;
      ctx.warn(`stopped at 0x${pos.toString(16)}: ${(error as Error).message}`);
      break;
    }
    const next = step(walk, pos, header, block);
    if (next === undefined) break;
    pos = next;
    if ((++walk.entries & 0xff) === 0) checkAborted(ctx);
  }
  if (walk.escaped > 0) ctx.warn(`${walk.escaped} entries named paths above the archive root; they were kept inside it`);
  if (walk.vfs.size === 0) throw new FormatError('tar: no entries');
  return { kind: 'tree', vfs: walk.vfs, length: pos };
}

/** Handles one header; returns the offset of the next header, or undefined when the archive is cut short. */
function step(walk: Walk, pos: number, header: TarHeader, block: Buffer): number | undefined {
  const { src, ctx } = walk;
  const tf = header.typeflag;
  const dataPos = pos + BLOCK;
  if (tf === 'L' || tf === 'K' || tf === 'x' || tf === 'g') {
    if (header.size > MAX_META || dataPos + header.size > src.size) {
      ctx.warn(`stopped at 0x${pos.toString(16)}: extended header of ${header.size} bytes is invalid or cut short`);
      return undefined;
    }
    const data = Buffer.from(src.read(dataPos, header.size));
    if (tf === 'L') walk.pending.longName = untilNul(data);
    else if (tf === 'K') walk.pending.longLink = untilNul(data);
    else if (tf === 'x') walk.pending.pax = parsePax(data);
    else walk.global = new Map([...walk.global, ...parsePax(data)]);
    return dataPos + blocksFor(header.size);
  }
  const pax = mergePax(walk.global, walk.pending.pax);
  const stored = carriesData(tf) ? paxNumber(pax, 'size') ?? header.size : 0;
  let sparse: SparseMap | undefined;
  if (tf === 'S') sparse = gnuSparseMap(src, pos, block);
  else if (paxString(pax, 'GNU.sparse.major') === '1') {
    sparse = pax1SparseMap(src, dataPos, stored, paxNumber(pax, 'GNU.sparse.realsize') ?? 0);
  }
  const contentPos = dataPos + (tf === 'S' ? (sparse?.mapBytes ?? 0) : 0);
  const end = contentPos + blocksFor(stored);
  if (contentPos + stored > src.size) {
    ctx.warn(`stopped at 0x${pos.toString(16)}: entry data of ${stored} bytes runs past the end`);
    return undefined;
  }
  addEntry(walk, header, pax, sparse, contentPos, stored);
  walk.pending = {};
  return end;
}

function addEntry(walk: Walk, header: TarHeader, pax: PaxRecords, sparse: SparseMap | undefined, at: number, stored: number): void {
  const { src, ctx, vfs } = walk;
  const tf = header.typeflag;
  if (tf === 'V' || tf === 'M' || tf === 'N') {
    ctx.warn(`skipped a GNU '${tf}' header (volume label, multi-volume or old long-name entry)`);
    return;
  }
  let type = entryType(tf);
  if (!type) {
    ctx.warn(`unknown entry type '${tf}' read as a regular file (POSIX)`);
    type = 'file';
  }
  const size = sparse ? sparse.realSize : stored;
  const init = entryInit(header, walk.pending, pax, type, size);
  let content: (() => Buffer) | undefined;
  if (init.type === 'file') {
    if (sparse) {
      const dataAt = tf === 'S' ? at : at + sparse.mapBytes;
      content = sparseContent(src, dataAt, stored - (tf === 'S' ? 0 : sparse.mapBytes), sparse);
    } else {
      content = () => src.read(at, stored);
    }
  }
  if (!vfs.add(content ? { ...init, content } : init)) walk.escaped++;
  checkEntries(ctx, vfs.size);
}

/**
 * After the first zero block: a second one completes the end-of-archive marker; zero blocks up to the end
 * of the 10 KiB record are padding that belongs to the archive too.
 */
function endOfArchive(src: ByteSource, pos: number, ctx: UnpackContext): number {
  let end = pos + BLOCK;
  if (end + BLOCK > src.size || !isZeroBlock(src.read(end, BLOCK))) {
    ctx.warn(`a lone zero block at 0x${pos.toString(16)} ends the archive`);
    return end;
  }
  end += BLOCK;
  const recordEnd = Math.min(Math.ceil(end / RECORD) * RECORD, src.size - (src.size % BLOCK));
  while (end < recordEnd && isZeroBlock(src.read(end, BLOCK))) end += BLOCK;
  return end;
}
