import { FormatError } from '../errors.js';
import { limitError } from '../limits.js';
import { isIotcopError } from '../../model/index.js';
import type { ByteSource, FormatPlugin, Unpacked } from '../types.js';
import type { LayerContext } from './context.js';

/** Rejects once the signal aborts (cancellation or the layer's deadline). */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

/**
 * Runs a plug-in's unpack, bounded by the layer's deadline: a plug-in that never settles (a stuck worker)
 * is abandoned when the signal aborts. A synchronous throw becomes a rejection; a late rejection of an
 * abandoned plug-in is swallowed so it cannot surface as an unhandled rejection.
 */
export async function runPlugin(plugin: FormatPlugin, src: ByteSource, ctx: LayerContext): Promise<Unpacked> {
  const work = Promise.resolve().then(() => plugin.unpack(src, ctx));
  work.catch(() => undefined);
  const result = await Promise.race([work, whenAborted(ctx.signal)]);
  return validate(result);
}

/** A plug-in's result is checked like any other untrusted value before the driver relies on it. */
function validate(result: unknown): Unpacked {
  const r = result as Partial<Record<string, unknown>> | null;
  if (r?.kind === 'tree' && typeof (r.vfs as { entries?: unknown } | undefined)?.entries === 'function') return r as unknown as Unpacked;
  if (r?.kind === 'blobs' && Array.isArray(r.blobs)) {
    for (const b of r.blobs as { source?: { size?: unknown; read?: unknown }; name?: unknown }[]) {
      if (typeof b.source?.size !== 'number' || typeof b.source.read !== 'function' || typeof b.name !== 'string') {
        throw new Error('plug-in returned a malformed blob');
      }
    }
    return r as unknown as Unpacked;
  }
  throw new Error('plug-in returned neither a tree nor blobs');
}

/** What a layer produced, after charging it against the limits (declared sizes: content is still lazy). */
export function account(result: Unpacked, ctx: LayerContext): { entries: number; bytes: number; blobs: number } {
  let bytes = 0;
  let entries = 0;
  let blobs = 0;
  if (result.kind === 'tree') {
    const all = result.vfs.entries();
    entries = all.length;
    if (entries > ctx.limits.maxEntries) throw limitError(`${ctx.layer}: ${entries} entries is over the limit of ${ctx.limits.maxEntries}`);
    for (const e of all) if (e.type === 'file') bytes += e.size;
  } else {
    blobs = result.blobs.length;
    if (blobs > ctx.limits.maxEntries) throw limitError(`${ctx.layer}: ${blobs} blobs is over the limit of ${ctx.limits.maxEntries}`);
    for (const b of result.blobs) bytes += b.source.size;
  }
  if (bytes > ctx.charged) ctx.charge(bytes - ctx.charged);
  return { entries, bytes, blobs };
}

/** The error entry of a failed layer: stable codes for limits and malformed input, ERR_INTERNAL for plug-in bugs. */
export function layerError(error: unknown): { code: string; message: string } {
  if (isIotcopError(error)) return { code: error.code, message: error.message };
  if (error instanceof FormatError) return { code: 'ERR_FORMAT_INVALID', message: error.message };
  if (error instanceof Error) return { code: 'ERR_INTERNAL', message: `${error.name}: ${error.message}` };
  return { code: 'ERR_INTERNAL', message: String(error) };
}

/** The bytes a layer consumed: its own report when sane, else what the probe said, else all of its input. */
export function consumed(reported: unknown, probeLength: number | undefined, size: number): { length: number; sane: boolean } {
  if (typeof reported === 'number' && Number.isSafeInteger(reported) && reported > 0 && reported <= size) return { length: reported, sane: true };
  const fallback = probeLength !== undefined && Number.isSafeInteger(probeLength) && probeLength > 0 ? Math.min(probeLength, size) : size;
  return { length: fallback, sane: false };
}
