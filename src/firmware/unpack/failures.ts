import type { FormatPlugin, LayerRecord, Mutable } from '../types.js';

/**
 * Failed candidates of one format tolerated per blob before that format is no longer tried there. A real
 * archive that fails (or hits a limit) has more valid-looking starts inside it (every tar or cpio header,
 * every zip local header), and retrying each would flood the log and cost time quadratic in its size.
 */
const MAX_FAILURES_PER_FORMAT = 8;

export interface Failure {
  readonly plugin: FormatPlugin;
  readonly record: Mutable<LayerRecord>;
}

/** Counts failed layers per format in one blob; a limit hit or too many failures stop that format there. */
export class FailureCount {
  private readonly counts = new Map<FormatPlugin, number>();
  private readonly off = new Set<FormatPlugin>();

  add({ plugin, record }: Failure): void {
    const n = (this.counts.get(plugin) ?? 0) + 1;
    this.counts.set(plugin, n);
    if (record.error?.code === 'ERR_UNPACK_LIMIT' || n >= MAX_FAILURES_PER_FORMAT) {
      this.off.add(plugin);
      record.warnings = [...record.warnings, `no further ${plugin.id} candidates are tried in this blob`];
    }
  }

  disabled(plugin: FormatPlugin): boolean {
    return this.off.has(plugin);
  }
}
