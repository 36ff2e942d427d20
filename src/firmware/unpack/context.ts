import { limitError } from '../limits.js';
import { DEFAULT_LIMITS, type UnpackContext, type UnpackLimits } from '../types.js';

/** Most warnings kept per layer; a hostile archive could otherwise fill the log with millions. */
const MAX_WARNINGS = 100;

/** Bytes produced so far by all layers of one image (shared by their contexts). */
export interface Budget {
  total: number;
}

/**
 * The context of one layer. Its signal aborts on cancellation, on the layer's deadline, and (checked as a
 * plug-in reads `signal`) soon after the deadline has passed even if the event loop was busy, so
 * synchronous parsing loops that test `ctx.signal.aborted` stop on time too.
 */
export class LayerContext implements UnpackContext {
  readonly warnings: string[] = [];
  /** Bytes this layer charged against the budget (rolled back when the layer fails). */
  charged = 0;
  private dropped = 0;
  private reads = 0;
  private readonly controller = new AbortController();
  private readonly deadline: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly unlink: () => void;

  constructor(
    readonly layer: string,
    readonly limits: UnpackLimits,
    private readonly budget: Budget,
    private readonly inputSize: number,
    parent?: AbortSignal,
    /** Let the process exit while this context waits (standalone use without finish()). */
    unrefTimer = false,
  ) {
    this.deadline = performance.now() + limits.layerTimeoutMs;
    this.timer = setTimeout(() => this.expire(), limits.layerTimeoutMs);
    if (unrefTimer) this.timer.unref();
    const onAbort = () => this.controller.abort(parent?.reason);
    if (parent?.aborted) onAbort();
    else parent?.addEventListener('abort', onAbort, { once: true });
    this.unlink = () => parent?.removeEventListener('abort', onAbort);
  }

  get signal(): AbortSignal {
    // Walks read this once per entry, so the clock is looked at on every 64th read only: a loop stops at
    // most 63 iterations after its deadline.
    if ((++this.reads & 63) === 0 && performance.now() > this.deadline) this.expire();
    return this.controller.signal;
  }

  warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.dropped++;
  }

  charge(bytes: number): void {
    this.charged += bytes;
    this.budget.total += bytes;
    if (this.budget.total > this.limits.maxTotalBytes) {
      throw limitError(`${this.layer}: output would pass the limit of ${this.limits.maxTotalBytes} bytes for the whole image`);
    }
    if (this.charged > Math.max(this.inputSize, 1) * this.limits.maxRatio) {
      throw limitError(`${this.layer}: ${this.charged} bytes out of ${this.inputSize} in is over the expansion ratio ${this.limits.maxRatio}`);
    }
    if (this.signal.aborted) throw this.signal.reason instanceof Error ? this.signal.reason : limitError(`${this.layer}: aborted`);
  }

  /** Gives back what a failed layer charged, so its output does not count against the rest of the image. */
  rollback(): void {
    this.budget.total -= this.charged;
    this.charged = 0;
  }

  /** Stops the timer; returns the warnings with a count of those that were dropped. */
  finish(): string[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unlink();
    return this.dropped > 0 ? [...this.warnings, `${this.dropped} more warnings not shown`] : this.warnings;
  }

  private expire(): void {
    if (!this.controller.signal.aborted) {
      this.controller.abort(limitError(`${this.layer}: took longer than the ${this.limits.layerTimeoutMs} ms allowed per layer`));
    }
  }
}

/** A context for running a plug-in on its own (tests, library users): default limits, no shared budget. */
export function standaloneContext(options: { layer?: string; limits?: Partial<UnpackLimits>; signal?: AbortSignal; inputSize?: number } = {}): LayerContext {
  return new LayerContext(options.layer ?? 'test', { ...DEFAULT_LIMITS, ...options.limits }, { total: 0 }, options.inputSize ?? Number.MAX_SAFE_INTEGER, options.signal, true);
}
