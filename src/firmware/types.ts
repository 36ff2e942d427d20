// Contracts of the firmware layer: byte sources, the virtual filesystem, format plug-ins and the unpack log.
// Format plug-ins (src/firmware/formats/<id>/) and codecs (src/firmware/codecs/<id>/) implement these.

/**
 * Where the bytes of a source lie in a file on disk: byte 0 of the source is byte `offset` of the file.
 * Worker threads use it to read compressed data themselves (only offsets cross threads), checking that
 * the file at `path` is still the one that was opened (`dev` and `ino`).
 */
export interface SourceOrigin {
  readonly path: string;
  readonly offset: number;
  readonly dev: number;
  readonly ino: number;
}

/** `T` with its readonly properties writable: for records built up field by field before they are handed out. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Random access to untrusted bytes. Every read is bounds-checked: reading outside [0, size) throws FormatError. */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset` (a copy or a view that the caller must not keep across reads). */
  read(offset: number, length: number): Buffer;
  /** A window of this source; offsets of the result start at 0. */
  slice(offset: number, length: number): ByteSource;
  /** Identifies the source for messages (file path, or parent + offset). */
  readonly label: string;
  /** Set when the bytes are a file on disk (a FileSource, or a window of one); absent for bytes in memory. */
  readonly origin?: SourceOrigin;
}

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'socket';

/** One entry of an unpacked filesystem or archive. Content is read lazily. */
export interface FsEntry {
  /** Absolute, normalised path inside its filesystem: `/`, `/etc/passwd`. Never contains `.` or `..` segments. */
  readonly path: string;
  readonly type: EntryType;
  /** Permission and special bits only (0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Modification time, seconds since the epoch. */
  readonly mtime: number;
  /** Size in bytes of a regular file's content; 0 for directories and devices; target length for symlinks. */
  readonly size: number;
  /** Symlink: the target as stored (may be relative or absolute). Hard link: the path of the entry it links to. */
  readonly target?: string;
  readonly device?: { readonly major: number; readonly minor: number };
  readonly xattrs?: Readonly<Record<string, Buffer>>;
  /** Id of the layer (see LayerRecord) this entry belongs to. */
  readonly layer: string;
  /** Content of a regular file (for a hard link, of its target). Rejects when it would exceed `maxBytes`. */
  read(maxBytes?: number): Promise<Buffer>;
  /**
   * Optional fast path for writers: writes a regular file's content (exactly what read() gives) into `fd`,
   * an open, empty regular file, from offset 0, and resolves to its size. Formats that decode on worker
   * threads let those threads write to the descriptor, so the content never passes through this thread.
   * Holes of sparse files may be left unwritten (the size is still set). Rejects like read().
   */
  writeTo?(fd: number, maxBytes?: number): Promise<number>;
}

/** A read-only filesystem tree produced by one layer. */
export interface Vfs {
  readonly layer: string;
  /** Every entry, sorted by path (byte order). */
  entries(): readonly FsEntry[];
  get(path: string): FsEntry | undefined;
  /** Follows symlinks and hard links inside this filesystem (bounded; escapes and loops give undefined). */
  resolve(path: string): FsEntry | undefined;
  /** Direct children of a directory, sorted by name. */
  children(dir: string): readonly FsEntry[];
  /** Content of the file at `path` after resolving links; undefined when it is not a regular file. */
  readFile(path: string, maxBytes?: number): Promise<Buffer | undefined>;
}

/** Limits on untrusted input; exceeding one stops that layer with ERR_UNPACK_LIMIT and is logged. */
export interface UnpackLimits {
  /** Total bytes produced by all layers of one image. */
  readonly maxTotalBytes: number;
  /** Output bytes per input byte, per layer. */
  readonly maxRatio: number;
  /** Entries per filesystem or archive. */
  readonly maxEntries: number;
  /** Nesting depth of layers (the image itself is depth 0). */
  readonly maxDepth: number;
  /** Wall time per layer, in milliseconds. */
  readonly layerTimeoutMs: number;
}

export const DEFAULT_LIMITS: UnpackLimits = {
  maxTotalBytes: 4 * 1024 ** 3,
  // Mostly empty filesystem images compress extremely well (5,700x for a 40 MB f2fs image in the corpus).
  maxRatio: 10_000,
  maxEntries: 500_000,
  maxDepth: 10,
  layerTimeoutMs: 120_000,
};

/** What the driver gives a plug-in while it unpacks one layer. */
export interface UnpackContext {
  readonly limits: UnpackLimits;
  readonly signal: AbortSignal;
  /** Id to stamp on every FsEntry this layer produces. */
  readonly layer: string;
  /** Records a non-fatal problem in the unpack log. */
  warn(message: string): void;
  /** Accounts produced bytes against the limits; throws ERR_UNPACK_LIMIT when one is exceeded. */
  charge(bytes: number): void;
}

/** Result of a plug-in's structural probe at offset 0 of a source. */
export interface Probe {
  /** Bytes the format spans from offset 0, when the header says so. */
  readonly length?: number;
  readonly description: string;
}

/** What a layer produced: a filesystem tree, or blobs to recurse into (payloads, decompressed streams). */
export type Unpacked =
  | { readonly kind: 'tree'; readonly vfs: Vfs; readonly length: number }
  | {
      readonly kind: 'blobs';
      readonly blobs: readonly { readonly name: string; readonly offset?: number; readonly source: ByteSource; readonly description?: string }[];
      readonly length: number;
    };

export interface FormatPlugin {
  /** Kebab-case id, equal to the plug-in's folder name. */
  readonly id: string;
  readonly title: string;
  readonly kind: 'filesystem' | 'archive' | 'container' | 'compression' | 'kernel';
  /** Signatures for carving: `magic` seen at offset X means a candidate starts at X - `at`. */
  readonly signatures: readonly { readonly magic: Buffer; readonly at: number }[];
  /** Structural check at offset 0; null when this is not the format. Must be cheap and never throw. */
  probe(src: ByteSource): Probe | null;
  /** Unpacks the layer; throws FormatError on malformed input (the driver logs it and goes on). */
  unpack(src: ByteSource, ctx: UnpackContext): Promise<Unpacked>;
}

/** One layer of the unpack log. */
export interface LayerRecord {
  /** Path-like id from the image down: `0x0-uimage/0x40-lzma/0x0-squashfs`. */
  readonly id: string;
  readonly parent: string | null;
  readonly format: string;
  /** Offset inside the parent blob (or inside the image for the top layer). */
  readonly offset: number;
  readonly length: number;
  readonly depth: number;
  readonly description: string;
  /** True when found by carving at an offset rather than identified as the whole blob. */
  readonly carved: boolean;
  readonly produced: { readonly entries: number; readonly bytes: number; readonly blobs: number };
  readonly warnings: readonly string[];
  readonly error?: { readonly code: string; readonly message: string };
}

/** A region nobody recognised, with its Shannon entropy in bits per byte (high: compressed or encrypted). */
export interface UnknownRegion {
  readonly layer: string | null;
  /** Name of the blob the region lies in, when the layer produced several blobs that are not slices of its input. */
  readonly blob?: string;
  readonly offset: number;
  readonly length: number;
  readonly entropy: number;
}

export interface UnpackLog {
  readonly image: string;
  readonly size: number;
  readonly sha256: string;
  readonly layers: readonly LayerRecord[];
  readonly unknown: readonly UnknownRegion[];
}

/** Firmware evidence for the checks: the unpack log and every filesystem found in the image. */
export interface FirmwareEvidence {
  readonly image: string;
  readonly log: UnpackLog;
  readonly filesystems: readonly Vfs[];
}
