import type { RegistryContext } from '../context.js';

/**
 * Rendered public pages, kept until something they show changes. Writes in this process invalidate through the
 * event bus; the TTL bounds staleness when another process (a second server) made the change, and an entry never
 * outlives the moment its label expires, so "valid" turns into "expired" on time.
 */
export class PageCache<V> {
  private readonly entries = new Map<string, { value: V; at: number; until: number; productId: string; orgId: string }>();

  constructor(private readonly ctx: RegistryContext, private readonly ttlMs = 10_000, private readonly max = 10_000) {
    ctx.events.on('label.changed', ({ labelId }) => this.entries.delete(labelId));
    ctx.events.on('product.changed', ({ productId }) => this.dropWhere((e) => e.productId === productId));
    ctx.events.on('org.changed', ({ orgId }) => this.dropWhere((e) => e.orgId === orgId));
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    const now = this.ctx.clock().getTime();
    // Rendered "in the future" means the clock was set back: what it showed may not hold at this time.
    if (hit.until <= now || hit.at > now) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, meta: { expiresAt: string; productId: string; orgId: string }): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    const at = this.ctx.clock().getTime();
    const until = Math.min(at + this.ttlMs, Date.parse(meta.expiresAt));
    this.entries.set(key, { value, at, until, productId: meta.productId, orgId: meta.orgId });
  }

  private dropWhere(test: (e: { productId: string; orgId: string }) => boolean): void {
    for (const [k, e] of this.entries) if (test(e)) this.entries.delete(k);
  }
}
