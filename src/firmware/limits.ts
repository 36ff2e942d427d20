import { IotcopError } from '../model/index.js';
import type { UnpackContext } from './types.js';

/** The error a plug-in or the driver throws when a layer hits one of the UnpackLimits. */
export function limitError(message: string): IotcopError<'ERR_UNPACK_LIMIT'> {
  return new IotcopError('ERR_UNPACK_LIMIT', message, {
    hint: 'Raise the limit (--max-bytes, --max-ratio, --max-entries, --max-depth, --layer-timeout) if the image is trusted.',
  });
}

/** Throws ERR_UNPACK_LIMIT once a layer holds more entries than allowed; plug-ins call it while they list. */
export function checkEntries(ctx: UnpackContext, count: number): void {
  if (count > ctx.limits.maxEntries) throw limitError(`${ctx.layer}: more than ${ctx.limits.maxEntries} entries`);
}

/** Throws the abort reason (timeout or cancellation) so long loops inside plug-ins stop promptly. */
export function checkAborted(ctx: UnpackContext): void {
  if (ctx.signal.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : limitError(`${ctx.layer}: aborted`);
}
