import { limitError } from '../limits.js';
import type { ByteSource, FormatPlugin, LayerRecord, Mutable, Probe, UnknownRegion, UnpackLimits, Unpacked, Vfs } from '../types.js';
import { LayerContext, type Budget } from './context.js';
import { deepFiles } from './deep.js';
import { FailureCount, type Failure } from './failures.js';
import { LayerIds, safeSegment, type BlobOrigin } from './ids.js';
import { leafTree } from './leaves.js';
import { regionStats } from './regions.js';
import { account, consumed, layerError, runPlugin } from './run-layer.js';
import { scanWindow, WINDOW } from './scan.js';

/** Progress of one unpack: layers as they start, and how far carving has scanned the image. */
export type UnpackProgress =
  | { readonly kind: 'layer'; readonly id: string; readonly format: string; readonly depth: number }
  | { readonly kind: 'scan'; readonly done: number; readonly total: number };

export interface DriverOptions {
  readonly limits: UnpackLimits;
  readonly formats: readonly FormatPlugin[];
  readonly deep: boolean;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((event: UnpackProgress) => void) | undefined;
}

interface Blob extends BlobOrigin {
  readonly source: ByteSource;
  readonly depth: number;
  /** A file inside a tree (--deep): identified as a whole only, never carved. */
  readonly inTree: boolean;
  /** Name of the blob for unknown regions, when offsets in it are not offsets in the parent's input. */
  readonly blobName?: string;
}



function safeProbe(plugin: FormatPlugin, src: ByteSource): Probe | null {
  try {
    return plugin.probe(src);
  } catch {
    return null; // probes must not throw; one that does is taken as "not this format"
  }
}

/**
 * Unpacks one image: identifies each blob by structure, carves blobs nobody recognises as a whole, recurses
 * into what each layer produced and records every layer and every unrecognised region. Layers run one at a
 * time, so the log order (pre-order, by offset) is deterministic.
 */
export class Driver {
  readonly layers: Mutable<LayerRecord>[] = [];
  readonly unknown: UnknownRegion[] = [];
  private readonly trees: { order: number; vfs: Vfs }[] = [];
  private readonly ids = new LayerIds();
  private readonly budget: Budget = { total: 0 };

  constructor(private readonly options: DriverOptions) {}

  get filesystems(): Vfs[] {
    return [...this.trees].sort((a, b) => a.order - b.order).map((t) => t.vfs);
  }

  async run(image: ByteSource): Promise<void> {
    await this.blob({ source: image, parent: null, base: 0, depth: 0, inTree: false });
  }

  /** Handles one blob; resolves true when a format recognised it as a whole (offset 0). */
  private async blob(b: Blob): Promise<boolean> {
    this.checkCancelled();
    const whole = this.identify(b.source);
    if (b.depth > this.options.limits.maxDepth) {
      if (whole || !b.inTree) this.depthLimit(b, whole?.plugin.id ?? 'unexamined', whole?.probe.description ?? 'not examined');
      return false;
    }
    let cursor = 0;
    let failed: Failure | undefined;
    let recognised = false;
    if (whole) {
      const out = await this.layer(b, whole.plugin, whole.probe, 0, false, b.source);
      if (out.ok) {
        recognised = true;
        cursor = out.length;
      } else {
        failed = { plugin: whole.plugin, record: out.record };
      }
    }
    if (!b.inTree && cursor < b.source.size) await this.carve(b, cursor, failed);
    return recognised;
  }

  private identify(src: ByteSource): { plugin: FormatPlugin; probe: Probe } | undefined {
    for (const plugin of this.options.formats) {
      const probe = safeProbe(plugin, src);
      if (probe) return { plugin, probe };
    }
    return undefined;
  }

  /**
   * Scans [from, end) for every signature, confirms each candidate with its probe, unpacks the confirmed
   * ones and skips what they consumed; the bytes in between are recorded as unknown regions.
   */
  private async carve(b: Blob, from: number, failedWhole: Failure | undefined): Promise<void> {
    const size = b.source.size;
    const failures = new FailureCount();
    if (failedWhole) failures.add(failedWhole);
    let cursor = from;
    for (let start = from; start < size;) {
      const to = Math.min(size, start + WINDOW);
      for (const c of scanWindow(b.source, start, to, cursor, this.options.formats)) {
        if (c.offset < cursor || (c.offset === 0 && c.plugin === failedWhole?.plugin) || failures.disabled(c.plugin)) continue;
        this.checkCancelled();
        const sub = c.offset === 0 ? b.source : b.source.slice(c.offset, size - c.offset);
        const probe = safeProbe(c.plugin, sub);
        if (!probe) continue;
        const out = await this.layer(b, c.plugin, probe, c.offset, true, sub);
        if (!out.ok) {
          failures.add({ plugin: c.plugin, record: out.record });
          continue;
        }
        this.gap(b, cursor, c.offset);
        cursor = c.offset + out.length;
      }
      start = Math.max(to, cursor);
      if (b.depth === 0 && b.parent === null) this.options.onProgress?.({ kind: 'scan', done: Math.min(start, size), total: size });
    }
    this.gap(b, cursor, size);
  }

  private gap(b: Blob, start: number, end: number): void {
    if (end <= start) return;
    const stats = regionStats(b.source, start, end);
    if (stats.padding) return;
    this.unknown.push({
      layer: b.parent, offset: b.base + start, length: end - start, entropy: stats.entropy,
      ...(b.blobName !== undefined ? { blob: b.blobName } : {}),
    });
  }

  private newRecord(b: Blob, format: string, offset: number, probe: Probe, carved: boolean): Mutable<LayerRecord> {
    const record: Mutable<LayerRecord> = {
      id: this.ids.next(b, offset, format), parent: b.parent, format, offset: b.base + offset, length: probe.length ?? 0,
      depth: b.depth, description: probe.description, carved, produced: { entries: 0, bytes: 0, blobs: 0 }, warnings: [],
    };
    this.layers.push(record);
    return record;
  }

  private depthLimit(b: Blob, format: string, description: string): void {
    const record = this.newRecord(b, format, 0, { description }, false);
    record.error = { code: 'ERR_UNPACK_LIMIT', message: limitError(`nesting deeper than ${this.options.limits.maxDepth} layers`).message };
  }

  /** Unpacks one layer and what it produced; a failure becomes the layer's error entry. */
  private async layer(b: Blob, plugin: FormatPlugin, probe: Probe, offset: number, carved: boolean, src: ByteSource): Promise<{ ok: boolean; length: number; record: Mutable<LayerRecord> }> {
    const record = this.newRecord(b, plugin.id, offset, probe, carved);
    this.options.onProgress?.({ kind: 'layer', id: record.id, format: plugin.id, depth: b.depth });
    const ctx = new LayerContext(record.id, this.options.limits, this.budget, src.size, this.options.signal);
    let result: Unpacked;
    let length: number;
    try {
      result = await runPlugin(plugin, src, ctx);
      const used = consumed(result.length, probe.length, src.size);
      if (!used.sane) ctx.warn(`the plug-in reported an invalid length (${String(result.length)}); taking ${used.length}`);
      length = used.length;
      record.produced = account(result, ctx);
      record.length = length;
    } catch (error) {
      ctx.rollback();
      record.warnings = ctx.finish();
      this.checkCancelled();
      record.error = layerError(error);
      return { ok: false, length: 0, record };
    }
    record.warnings = ctx.finish();
    if (result.kind === 'tree') {
      this.trees.push({ order: this.layers.indexOf(record), vfs: result.vfs });
      if (this.options.deep) await this.deep(result.vfs, record);
    } else {
      await this.children(result, record, b.depth);
    }
    return { ok: true, length, record };
  }

  private async children(result: Extract<Unpacked, { kind: 'blobs' }>, record: LayerRecord, depth: number): Promise<void> {
    const several = result.blobs.length > 1;
    const leaves: { name: string; source: ByteSource }[] = [];
    for (const blob of result.blobs) {
      const named = several && blob.offset === undefined;
      const child: Blob = {
        source: blob.source, parent: record.id, base: blob.offset ?? 0, depth: depth + 1, inTree: false,
        ...(named ? { prefix: safeSegment(blob.name), blobName: blob.name } : {}),
      };
      if (!(await this.blob(child))) leaves.push(blob);
    }
    if (leaves.length > 0) this.trees.push({ order: this.layers.indexOf(record), vfs: leafTree(record.id, leaves) });
  }

  /** --deep: regular files of a tree that a format recognises as a whole become child layers. */
  private async deep(vfs: Vfs, record: Mutable<LayerRecord>): Promise<void> {
    const maxFile = Math.min(this.options.limits.maxTotalBytes, 256 * 1024 * 1024);
    let unreadable = 0;
    for await (const file of deepFiles(vfs, maxFile)) {
      this.checkCancelled();
      if (!file.source) {
        unreadable++;
        continue;
      }
      const prefix = file.path.split('/').filter(Boolean).map(safeSegment).join('/');
      await this.blob({ source: file.source, parent: record.id, base: 0, depth: record.depth + 1, inTree: true, prefix });
    }
    if (unreadable > 0) record.warnings = [...record.warnings, `--deep: ${unreadable} files could not be read`];
  }

  private checkCancelled(): void {
    const signal = this.options.signal;
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('unpacking was cancelled');
  }
}
