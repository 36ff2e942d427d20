import { syncExternalChanges } from '../registry/changes.js';
import type { RegistryContext } from '../registry/context.js';
import { RETAIL_CACHE_EVENTS, type TimedRetailCheck } from '../registry/retail/check.js';
import { securityHeaders } from './plugins/security-headers.js';
import type { RetailAnswer } from './retail-answer.js';

// The retail fast path's answers as ready-to-send bytes, keyed by the request body (and JSON or CSV). A retailer's
// script sends the same catalogue again and again; a hit skips JSON parsing, schema checks, the per-identifier cache
// and serialisation. An answer lives exactly as long as every result in it would come unchanged from retailCheck's
// own cache (TimedRetailCheck: the same TTL, the clock never set back past it), and is dropped on the same events
// (this process's writes; another process's SQLite commits through data_version). A body is stored only after it
// was accepted, so a hit needs no new validation.

const SECURITY = securityHeaders(false);

export interface PreparedAnswer {
  readonly body: Buffer;
  /** The route's headers in the route's order: its content type, the onSend hook's security headers, the length. */
  readonly headers: Readonly<Record<string, string>>;
}

export function prepareAnswer(answer: RetailAnswer): PreparedAnswer {
  const body = Buffer.from(answer.body, 'utf8');
  return { body, headers: { 'content-type': answer.type, ...SECURITY, 'content-length': String(body.length) } };
}

interface Entry {
  readonly answer: PreparedAnswer;
  readonly from: number;
  readonly until: number;
  readonly size: number;
}

export class RetailAnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Counts invalidations, so an answer computed from records read before one is not stored after it. */
  private invalidations = 0;

  /** Holds at most `maxBytes` of keys and bodies together; an answer over an eighth of that is not kept. */
  constructor(private readonly ctx: RegistryContext, private readonly maxBytes = 8 * 1024 * 1024) {
    for (const event of RETAIL_CACHE_EVENTS) ctx.events.on(event, () => this.clear());
  }

  /** The answer for `key` if still current. Does not look for other processes' writes: sync once per request first. */
  get(key: string): PreparedAnswer | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    const now = this.ctx.clock().getTime();
    if (now < hit.from || now >= hit.until) {
      this.drop(key, hit);
      return undefined;
    }
    return hit.answer;
  }

  /** Take this before checking the identifiers; pass it to `set`. */
  epoch(): number {
    syncExternalChanges(this.ctx);
    return this.invalidations;
  }

  set(key: string, answer: PreparedAnswer, checked: TimedRetailCheck, epoch: number): void {
    syncExternalChanges(this.ctx);
    const size = key.length + answer.body.length;
    if (epoch !== this.invalidations || size > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    while (this.bytes + size > this.maxBytes) {
      const first = this.entries.entries().next();
      if (first.done === true) break;
      this.drop(first.value[0], first.value[1]);
    }
    this.entries.set(key, { answer, from: checked.validFrom, until: checked.validUntil, size });
    this.bytes += size;
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  private clear(): void {
    this.invalidations++;
    this.entries.clear();
    this.bytes = 0;
  }
}
