import { FormatError } from '../../errors.js';
import { promised } from '../promised.js';
import { checkAborted, checkEntries } from '../../limits.js';
import type { ByteSource, EntryType, UnpackContext, Unpacked } from '../../types.js';
import { MemoryVfs, normalizePath, type EntryInit } from '../../vfs/index.js';
import { decodeName } from '../text.js';
import { readHeader, type CpioHeader } from './header.js';

const TRAILER = 'TRAILER!!!';
/** Longest symlink target read (PATH_MAX with headroom). */
const MAX_LINK = 64 * 1024;

const TYPES: Readonly<Record<number, EntryType>> = {
  0o140000: 'socket', 0o120000: 'symlink', 0o100000: 'file', 0o060000: 'block', 0o040000: 'dir', 0o020000: 'char',
  0o010000: 'fifo',
};

interface Item {
  readonly header: CpioHeader;
  init: EntryInit;
}

/** Walks the headers from offset 0 up to TRAILER!!! and builds the tree. */
export function unpackCpio(src: ByteSource, ctx: UnpackContext): Promise<Unpacked> {
  return promised(() => walkCpio(src, ctx));
}

function walkCpio(src: ByteSource, ctx: UnpackContext): Unpacked {
  const items: Item[] = [];
  let pos = 0;
  let badSums = 0;
  let ended = false;
  while (pos < src.size) {
    let header: CpioHeader;
    try {
      header = readHeader(src, pos);
    } catch (error) {
      if (pos === 0) throw error;
      ctx.warn(`stopped at 0x${pos.toString(16)}: ${(error as Error).message}`);
      break;
    }
    pos = Math.min(header.next, src.size);
    if (header.name.toString('latin1') === TRAILER) {
      ended = true;
      pos = blockPadding(src, pos);
      break;
    }
    const item = toItem(src, header);
    if (item) items.push(item);
    if (header.format === 'crc' && item?.init.type === 'file' && dataSum(src, header) !== header.check) badSums++;
    checkEntries(ctx, items.length);
    if ((items.length & 0xff) === 0) checkAborted(ctx);
  }
  if (!ended) ctx.warn(`no ${TRAILER} entry: the archive ends at 0x${pos.toString(16)}`);
  if (badSums > 0) ctx.warn(`${badSums} files fail the crc format's data checksum`);
  if (items.length === 0 && !ended) throw new FormatError('cpio: no entries');
  return { kind: 'tree', vfs: buildTree(items, ctx), length: pos };
}

function toItem(src: ByteSource, h: CpioHeader): Item | undefined {
  const type = TYPES[h.mode & 0o170000];
  if (!type) return undefined;
  const base = {
    path: decodeName(h.name), type, mode: h.mode & 0o7777, uid: h.uid, gid: h.gid, mtime: h.mtime,
  };
  if (type === 'symlink') {
    if (h.size > MAX_LINK) throw new FormatError(`cpio: symlink target of ${h.size} bytes`);
    const target = decodeName(src.read(h.dataPos, h.size));
    return { header: h, init: { ...base, size: h.size, target } };
  }
  if (type === 'file') {
    const { dataPos, size } = h;
    return { header: h, init: { ...base, size, content: () => src.read(dataPos, size) } };
  }
  const device = type === 'char' || type === 'block' ? { device: { major: h.rdevMajor, minor: h.rdevMinor } } : {};
  return { header: h, init: { ...base, size: 0, ...device } };
}

/**
 * Files sharing an inode are hard links. newc stores the data once (with the last link, the others have
 * size 0); odc stores it with every link. The first link that has data becomes the file, the rest link to it.
 */
function linkHardLinks(items: readonly Item[]): void {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const h = item.header;
    if (item.init.type !== 'file' || h.nlink < 2) continue;
    const key = `${h.dev}:${h.ino}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const holder = group.find((i) => i.header.size > 0) ?? group[0]!;
    for (const item of group) {
      if (item === holder) continue;
      const { content: _content, ...meta } = item.init;
      item.init = { ...meta, type: 'hardlink', size: 0, target: normalizePath(holder.init.path).path };
    }
  }
}

function buildTree(items: readonly Item[], ctx: UnpackContext): MemoryVfs {
  linkHardLinks(items);
  const vfs = new MemoryVfs(ctx.layer);
  let escaped = 0;
  for (const item of items) if (!vfs.add(item.init)) escaped++;
  if (escaped > 0) ctx.warn(`${escaped} entries named paths above the archive root; they were kept inside it`);
  return vfs;
}

/** The crc format's checksum: the sum of the data bytes, modulo 2^32. */
function dataSum(src: ByteSource, h: CpioHeader): number {
  let sum = 0;
  const chunk = 1024 * 1024;
  for (let at = 0; at < h.size; at += chunk) {
    const bytes = src.read(h.dataPos + at, Math.min(chunk, h.size - at));
    for (let i = 0; i < bytes.length; i++) sum = (sum + bytes[i]!) >>> 0;
  }
  return sum;
}

/** cpio writes whole 512-byte blocks; zero bytes up to the next block boundary belong to the archive. */
function blockPadding(src: ByteSource, pos: number): number {
  const end = Math.min(Math.ceil(pos / 512) * 512, src.size);
  if (end === pos) return pos;
  const pad = src.read(pos, end - pos);
  const firstNonZero = pad.findIndex((b) => b !== 0);
  return firstNonZero === -1 ? end : pos + firstNonZero;
}
