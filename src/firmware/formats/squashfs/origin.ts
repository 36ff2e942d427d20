import { statSync } from 'node:fs';
import { FileSource, SliceSource } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

/** Where a source's bytes live on disk, so that worker threads can read them without the main thread. */
export interface FileOrigin {
  readonly path: string;
  readonly offset: number;
  /** Identity of the file, so a worker never reads a different file that took over the path. */
  readonly dev: number;
  readonly ino: number;
}

/**
 * The file and offset behind a source: a FileSource, or a window of one (a carved layer). Anything else
 * (decompressed blobs in memory) has none, and its bytes travel with the tasks instead. A slice's parent and
 * start are private to SliceSource, so they are looked up defensively: when that fails, reads simply stay
 * on the main thread.
 */
export function fileOrigin(src: ByteSource): FileOrigin | null {
  if (src instanceof FileSource) {
    try {
      const st = statSync(src.path);
      return st.isFile() && st.size === src.size ? { path: src.path, offset: 0, dev: st.dev, ino: st.ino } : null;
    } catch {
      return null;
    }
  }
  if (src instanceof SliceSource) {
    const inner = src as unknown as { parent?: unknown; start?: unknown };
    if (typeof inner.start !== 'number' || !(inner.parent instanceof FileSource || inner.parent instanceof SliceSource)) return null;
    const parent = fileOrigin(inner.parent);
    return parent ? { ...parent, offset: parent.offset + inner.start } : null;
  }
  return null;
}
