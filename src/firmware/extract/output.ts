import {
  chmodSync, closeSync, constants, fchmodSync, fchownSync, futimesSync, lchownSync, linkSync, lstatSync, lutimesSync,
  mkdirSync, openSync, symlinkSync, unlinkSync, utimesSync, writeSync,
} from 'node:fs';
import { parentRel } from './paths.js';

/** Metadata applied to what is written. */
export interface Meta {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
}

export interface OutputOptions {
  /** Replace existing non-directory entries (never follows or writes through them). */
  readonly force: boolean;
  /** chown to the stored uid/gid (only meaningful as root). */
  readonly owners: boolean;
  /** Set modification times as stored. */
  readonly times: boolean;
}

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
// Permission bits the umask would clear at creation: files with such bits need an explicit fchmod.
// process.umask() without an argument is only documentation-deprecated; it is read once at start-up.
const UMASK = process.umask();

/**
 * Every filesystem operation of the writer, confined to one output directory. Paths are relative ('' is the
 * root). An entry is only ever created inside a directory this object created or verified with lstat to be
 * a real directory (never a symlink), and files are opened with O_CREAT|O_EXCL|O_NOFOLLOW, so no write can
 * pass through a symlink, whether it came from the image or was already there.
 */
export class Output {
  private readonly verified = new Set<string>(['']);

  constructor(readonly root: string, private readonly options: OutputOptions) {}

  abs(rel: string): string {
    return rel === '' ? this.root : `${this.root}/${rel}`;
  }

  /** True when `rel`'s parent directory is one this writer created or verified. */
  canCreateIn(rel: string): boolean {
    return this.verified.has(parentRel(rel));
  }

  /** Creates (or verifies) a directory whose parent is already verified. */
  mkdir(rel: string): void {
    if (!this.canCreateIn(rel)) throw new Error(`${rel}: parent directory was not created`);
    const path = this.abs(rel);
    try {
      mkdirSync(path, 0o755);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const st = lstatSync(path);
      if (!st.isDirectory()) throw new Error(`${rel}: exists and is not a directory`);
    }
    this.verified.add(rel);
  }

  isDir(rel: string): boolean {
    return this.verified.has(rel);
  }

  /** Writes a new regular file (or an empty placeholder for a device, fifo or socket). */
  writeFile(rel: string, data: Buffer, meta: Meta): void {
    const fd = this.openFile(rel, meta);
    try {
      for (let done = 0; done < data.length;) done += writeSync(fd, data, done, data.length - done);
    } catch (error) {
      this.discard(rel, fd);
      throw error;
    }
    this.closeFile(fd, meta);
  }

  /** Creates a new, empty regular file for writing; finish it with closeFile() or discard(). */
  openFile(rel: string, meta: Meta): number {
    return this.create(rel, () => openSync(this.abs(rel), CREATE, meta.mode & 0o777));
  }

  /** Applies mode, owner and time to a file written through openFile(), and closes it. */
  closeFile(fd: number, meta: Meta): void {
    try {
      if (meta.mode & 0o7000 || meta.mode & UMASK) fchmodSync(fd, meta.mode);
      if (this.options.owners) fchownSync(fd, meta.uid, meta.gid);
      if (this.options.times) futimesSync(fd, meta.mtime, meta.mtime);
    } finally {
      closeSync(fd);
    }
  }

  /** Closes and removes a file created by openFile() whose content could not be written. */
  discard(rel: string, fd: number): void {
    closeSync(fd);
    try {
      unlinkSync(this.abs(rel));
    } catch {
      // already gone: nothing to clean up
    }
  }

  /** A hard link inside the output to a file this writer wrote. */
  link(targetRel: string, rel: string): void {
    this.create(rel, () => linkSync(this.abs(targetRel), this.abs(rel)));
  }

  /** A symlink with its target exactly as stored (it is never followed by the writer). */
  symlink(target: string, rel: string, meta: Meta): void {
    this.create(rel, () => symlinkSync(target, this.abs(rel)));
    if (this.options.owners) lchownSync(this.abs(rel), meta.uid, meta.gid);
    if (this.options.times) lutimesSync(this.abs(rel), meta.mtime, meta.mtime);
  }

  /** Final mode and time of a directory, applied after everything inside it was written. */
  finishDir(rel: string, meta: Meta): void {
    if (!this.verified.has(rel)) return;
    const path = this.abs(rel);
    if (this.options.owners) lchownSync(path, meta.uid, meta.gid);
    chmodSync(path, meta.mode & 0o7777);
    if (this.options.times) utimesSync(path, meta.mtime, meta.mtime);
  }

  /** Runs an exclusive create; with --force an existing non-directory is removed (unlink, not followed) once. */
  private create<T>(rel: string, op: () => T): T {
    if (!this.canCreateIn(rel)) throw new Error(`${rel}: parent directory was not created`);
    try {
      return op();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !this.options.force) throw error;
      if (lstatSync(this.abs(rel)).isDirectory()) throw error;
      unlinkSync(this.abs(rel));
      return op();
    }
  }
}
