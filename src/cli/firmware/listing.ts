import type { EntryType, FsEntry } from '../../firmware/index.js';

const TYPE_CHAR: Readonly<Record<EntryType, string>> = {
  file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p', socket: 's',
};

/** `drwxr-xr-x`-style mode string, with setuid/setgid/sticky as s/S and t/T (as ls does); `h` marks hard links as tar -tv does. */
export function modeString(type: EntryType, mode: number): string {
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (mode & (0o400 >> i) ? c : '-'));
  const special = (i: number, flag: number, lower: string) => {
    if (mode & flag) bits[i] = bits[i] === 'x' ? lower : lower.toUpperCase();
  };
  special(2, 0o4000, 's');
  special(5, 0o2000, 's');
  special(8, 0o1000, 't');
  return TYPE_CHAR[type] + bits.join('');
}

/** Modification time as `YYYY-MM-DD HH:MM` in UTC, so listings do not depend on the machine's time zone. */
export function timeString(mtime: number): string {
  const d = new Date(mtime * 1000);
  return Number.isNaN(d.getTime()) ? '????-??-?? ??:??' : d.toISOString().slice(0, 16).replace('T', ' ');
}

function sizeColumn(e: FsEntry): string {
  return e.device ? `${e.device.major},${e.device.minor}` : String(e.size);
}

/** `ls -l` / `unsquashfs -ll`-style lines for one tree, columns aligned. */
export function longLines(entries: readonly FsEntry[]): string[] {
  const owner = (e: FsEntry) => `${e.uid}/${e.gid}`;
  const ownerWidth = Math.max(0, ...entries.map((e) => owner(e).length));
  const sizeWidth = Math.max(0, ...entries.map((e) => sizeColumn(e).length));
  return entries.map((e) => {
    const suffix = e.type === 'symlink' ? ` -> ${e.target ?? ''}` : e.type === 'hardlink' ? ` link to ${e.target ?? ''}` : '';
    return `${modeString(e.type, e.mode)} ${owner(e).padEnd(ownerWidth)} ${sizeColumn(e).padStart(sizeWidth)} ${timeString(e.mtime)} ${e.path}${suffix}`;
  });
}

/** The `ls --json` record of an entry: exactly these fields, `target` null when there is none. */
export function jsonEntry(e: FsEntry): { path: string; type: EntryType; mode: number; uid: number; gid: number; size: number; target: string | null; layer: string } {
  return { path: e.path, type: e.type, mode: e.mode, uid: e.uid, gid: e.gid, size: e.size, target: e.target ?? null, layer: e.layer };
}
