// The version-independent view of a squashfs filesystem that the tree walker and the content reader work on.
// The 4.0 parser (this folder) and the 2.x/3.x parser (squashfs-legacy) both produce these shapes.

/** Where an inode or a directory listing lives: a metadata block (relative to its table) and an offset in it. */
export interface MetaRef {
  readonly block: number;
  readonly offset: number;
}

/** Data blocks and fragment tail of a regular file. */
export interface FileLayout {
  readonly size: number;
  /** Absolute image offset of the first data block. */
  readonly start: number;
  /** On-disk size word of each full block (compressed-bit and length, or 0 for a hole). */
  readonly blocks: Uint32Array;
  /** Fragment holding the tail, or null when the tail is in the last block. */
  readonly fragment: { readonly index: number; readonly offset: number } | null;
}

export type InodeKind = 'dir' | 'file' | 'symlink' | 'block' | 'char' | 'fifo' | 'socket';

export interface Inode {
  readonly kind: InodeKind;
  /** Permission and special bits. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  /** Identity for hard links: the inode number, or (2.x, which has none) the inode's position. */
  readonly key: number;
  /** Directory: where its listing starts and how many listing bytes it has. */
  readonly dir?: { readonly ref: MetaRef; readonly size: number };
  readonly file?: FileLayout;
  readonly target?: Buffer;
  readonly device?: { readonly major: number; readonly minor: number };
  /** Index into the xattr id table, when the inode has extended attributes. */
  readonly xattr?: number;
}

export interface DirEntry {
  /** The name, decoded from its bytes as decodeName() does (UTF-8, else latin1). */
  readonly name: string;
  readonly inode: MetaRef;
}

/** What the tree walker needs from a version-specific parser. */
export interface SquashfsReader {
  readonly rootRef: MetaRef;
  readInode(ref: MetaRef): Inode;
  readDir(inode: Inode): DirEntry[];
  xattrs(index: number): Record<string, Buffer> | undefined;
  /** Content of a regular file inode. */
  readFile(inode: Inode): Promise<Buffer>;
  /** Writes a regular file inode's content into an open, empty file (see FsEntry.writeTo). */
  writeFile(inode: Inode, fd: number): Promise<number>;
}
