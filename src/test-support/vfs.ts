import type { FirmwareEvidence, Vfs } from '../firmware/types.js';
import { MemoryVfs } from '../firmware/vfs/index.js';
import type { Evidence } from '../checks/types.js';

/** A file given to vfsFromFiles: its content, or content with a mode / owner. */
export type FileSpec = string | Buffer | { readonly content: string | Buffer; readonly mode?: number; readonly uid?: number };

/**
 * Builds an in-memory tree for check tests. Keys are absolute paths; `'/bin/sh -> busybox'` makes a symlink,
 * a key ending in `/` a directory. Parent directories are created as needed; scripts under init.d, rc.d and
 * bin folders are executable.
 */
export function vfsFromFiles(files: Record<string, FileSpec>, layer = '0x0-test'): MemoryVfs {
  const vfs = new MemoryVfs(layer);
  const dirs = new Set<string>(['/']);
  const base = { uid: 0, gid: 0, mtime: 0 };
  const mkdirs = (path: string) => {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!dirs.has(dir)) {
        dirs.add(dir);
        vfs.add({ ...base, path: dir, type: 'dir', mode: 0o755, size: 0 });
      }
    }
  };
  vfs.add({ ...base, path: '/', type: 'dir', mode: 0o755, size: 0 });
  for (const [key, spec] of Object.entries(files)) {
    const link = key.split(' -> ');
    const path = link[0]!;
    mkdirs(path);
    if (link.length === 2) {
      vfs.add({ ...base, path, type: 'symlink', mode: 0o777, size: link[1]!.length, target: link[1]! });
      continue;
    }
    if (path.endsWith('/')) {
      dirs.add(path.slice(0, -1));
      vfs.add({ ...base, path, type: 'dir', mode: 0o755, size: 0 });
      continue;
    }
    const s = typeof spec === 'string' || Buffer.isBuffer(spec) ? { content: spec } : spec;
    const content = Buffer.isBuffer(s.content) ? s.content : Buffer.from(s.content);
    const executable = /\/(init\.d|rc\.d|bin|sbin)\//.test(path);
    vfs.add({ ...base, uid: s.uid ?? 0, path, type: 'file', mode: s.mode ?? (executable ? 0o755 : 0o644), size: content.length, content: () => content });
  }
  return vfs;
}

/** Firmware evidence holding the given trees, as the unpacker would hand it to the checks. */
export function firmwareEvidence(image: string, ...filesystems: Vfs[]): FirmwareEvidence {
  return { image, log: { image, size: 0, sha256: '', layers: [], unknown: [] }, filesystems };
}

/** An Evidence bag with only firmware in it. */
export function evidenceOf(...firmware: FirmwareEvidence[]): Evidence {
  return { unavailable: {}, firmware };
}
