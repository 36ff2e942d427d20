import { normalizePath, type EntryInit } from '../../vfs/index.js';
import type { EntryType } from '../../types.js';
import { decodeName } from '../text.js';
import type { TarHeader } from './header.js';
import { paxNumber, paxString, paxXattrs, type PaxRecords } from './pax.js';

/** Overrides collected from the GNU long-name/long-link and pax headers that precede an entry. */
export interface Pending {
  longName?: Buffer;
  longLink?: Buffer;
  pax?: PaxRecords;
}

const TYPES: Readonly<Record<string, EntryType>> = {
  '0': 'file', '7': 'file', S: 'file', '1': 'hardlink', '2': 'symlink', '3': 'char', '4': 'block', '5': 'dir',
  '6': 'fifo', D: 'dir',
};

/** Types whose size field describes data stored after the header (the others carry none, as in libarchive). */
export function carriesData(typeflag: string): boolean {
  return !['2', '3', '4', '5', '6'].includes(typeflag);
}

export function entryType(typeflag: string): EntryType | undefined {
  return TYPES[typeflag];
}

/** The effective records: the global ones (`g`), overridden by the entry's own (`x`). */
export function mergePax(global: PaxRecords, own: PaxRecords | undefined): PaxRecords {
  if (!own) return global;
  if (global.size === 0) return own;
  return new Map([...global, ...own]);
}

function storedName(h: TarHeader): string {
  const name = decodeName(h.name);
  return h.prefix.length > 0 ? `${decodeName(h.prefix)}/${name}` : name;
}

/** Metadata of an entry after applying pax and GNU overrides (content is attached by the caller). */
export function entryInit(h: TarHeader, pending: Pending, pax: PaxRecords, type: EntryType, size: number): EntryInit {
  const path = paxString(pax, 'GNU.sparse.name') ?? paxString(pax, 'path')
    ?? (pending.longName ? decodeName(pending.longName) : storedName(h));
  const link = paxString(pax, 'linkpath') ?? (pending.longLink ? decodeName(pending.longLink) : decodeName(h.linkname));
  const isDir = type === 'dir' || (type === 'file' && h.typeflag === '0' && path.endsWith('/'));
  const finalType: EntryType = isDir ? 'dir' : type;
  const xattrs = paxXattrs(pax);
  const isDevice = finalType === 'char' || finalType === 'block';
  return {
    path,
    type: finalType,
    mode: h.mode & 0o7777,
    uid: paxNumber(pax, 'uid') ?? h.uid,
    gid: paxNumber(pax, 'gid') ?? h.gid,
    mtime: paxNumber(pax, 'mtime') ?? h.mtime,
    size: finalType === 'file' ? size : finalType === 'symlink' ? Buffer.byteLength(link) : 0,
    ...(finalType === 'symlink' ? { target: link } : {}),
    // A hard link names another member of the archive: stored as that member's normalised path.
    ...(finalType === 'hardlink' ? { target: normalizePath(link).path } : {}),
    ...(isDevice ? { device: { major: h.devmajor, minor: h.devminor } } : {}),
    ...(xattrs ? { xattrs } : {}),
  };
}
