import { BufferSource } from '../source/index.js';
import type { ByteSource, Vfs } from '../types.js';

/** Smallest file worth probing: no archive, filesystem or compressed stream fits in fewer bytes. */
const MIN_SIZE = 18;
/** Reads in flight while probing; squashfs content reads run in a worker pool, so this is real parallelism. */
const PREFETCH = 8;
/** ...but never more than this many bytes of file content held ahead of the consumer (one file may exceed it). */
const PREFETCH_BYTES = 64 * 1024 * 1024;

/** A regular file of a tree and its content as a source (undefined when it could not be read). */
export interface DeepFile {
  readonly path: string;
  readonly source: ByteSource | undefined;
}

/**
 * The regular files of a tree in path order, read a few at a time ahead of the consumer. Files above
 * `maxFile` bytes are skipped: --deep is for packages and archives inside a rootfs, not for disk images.
 */
export async function* deepFiles(vfs: Vfs, maxFile: number): AsyncGenerator<DeepFile> {
  const files = vfs.entries().filter((e) => e.type === 'file' && e.size >= MIN_SIZE && e.size <= maxFile);
  const read = (i: number): Promise<DeepFile> => {
    const entry = files[i]!;
    return entry.read(maxFile).then(
      (bytes) => ({ path: entry.path, source: new BufferSource(bytes, `${vfs.layer}:${entry.path}`) }),
      () => ({ path: entry.path, source: undefined }),
    );
  };
  const ahead: { size: number; file: Promise<DeepFile> }[] = [];
  let next = 0;
  let bytesAhead = 0;
  const fill = () => {
    while (next < files.length && ahead.length < PREFETCH && (ahead.length === 0 || bytesAhead + files[next]!.size <= PREFETCH_BYTES)) {
      ahead.push({ size: files[next]!.size, file: read(next) });
      bytesAhead += files[next]!.size;
      next++;
    }
  };
  fill();
  while (ahead.length > 0) {
    const head = ahead.shift()!;
    bytesAhead -= head.size;
    const file = await head.file;
    fill();
    yield file;
  }
}
