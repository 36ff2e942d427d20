/** Where a blob came from, for naming the layers found in it. */
export interface BlobOrigin {
  /** Id of the layer that produced the blob; null for the image itself. */
  readonly parent: string | null;
  /** Offset of the blob inside the parent layer's input, when it is a slice of it. */
  readonly base: number;
  /**
   * Prefix for the id segment when offsets alone would be ambiguous: the blob's name when a layer produced
   * several blobs that are not slices of its input, or the file path for layers found inside a tree (--deep).
   */
  readonly prefix?: string;
}

/** A blob or file name made safe for one id segment and one folder name: no slashes, no control characters. */
export function safeSegment(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 100);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'blob' : cleaned;
}

/** Allocates unique, path-like layer ids: `0x0-uimage/0x40-lzma/0x0-squashfs`. */
export class LayerIds {
  private readonly used = new Set<string>();

  next(origin: BlobOrigin, offset: number, format: string): string {
    const position = `0x${(origin.base + offset).toString(16)}-${format}`;
    const segment = origin.prefix === undefined ? position : `${origin.prefix}@${position}`;
    const base = origin.parent === null ? segment : `${origin.parent}/${segment}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}~${n}`;
    this.used.add(id);
    return id;
  }
}
