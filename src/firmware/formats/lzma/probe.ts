import { LzmaDecoder, splitPropsByte } from '../../codecs/lib/lzma-decoder.js';
import type { ByteSource, Probe } from '../../types.js';
import { head, safeProbe } from '../compression-stream.js';

// LZMA ("alone") data has no magic, so the probe must be strict enough for carving: a properties byte
// with lc + lp <= 4, a dictionary size an encoder would write (2^n or 3 * 2^n, 4 KiB to 1.5 GiB), a size
// that is unknown or plausible, a range coder that starts with 0, and a trial decode of the first 16 KiB.

const TRIAL_OUTPUT = 16 << 10;
const TRIAL_INPUT = 64 << 10;
const MAX_PLAUSIBLE_SIZE = 2 ** 36;

function plausibleDict(d: number): boolean {
  if (d < 4096 || d > 1.5 * 2 ** 30) return false;
  const low = d & -d;
  return d === low || d === 3 * low;
}

export function probeLzma(src: ByteSource): Probe | null {
  return safeProbe(src, () => {
    // The 18-byte header first: carving confirms many candidates, and most fail here without the trial read.
    const h = head(src, 18);
    if (h.length < 18 || h[13] !== 0 || !splitPropsByte(h[0]!) || !plausibleDict(h.readUInt32LE(1))) return null;
    const b = head(src, TRIAL_INPUT);
    const props = splitPropsByte(b[0]!);
    if (!props || props.lc + props.lp > 4) return null;
    const dict = b.readUInt32LE(1);
    if (!plausibleDict(dict)) return null;
    const lo = b.readUInt32LE(5);
    const hi = b.readUInt32LE(9);
    const unknown = lo === 0xffffffff && hi === 0xffffffff;
    const size = hi * 2 ** 32 + lo;
    if (!unknown && (size === 0 || size > MAX_PLAUSIBLE_SIZE)) return null;
    if (!trialDecode(b, props, unknown ? TRIAL_OUTPUT : Math.min(size, TRIAL_OUTPUT), b.length < src.size)) return null;
    const sizeText = unknown ? 'unknown size' : `${size} bytes`;
    return { description: `LZMA compressed data, lc=${props.lc} lp=${props.lp} pb=${props.pb}, dictionary ${dict} bytes, ${sizeText}` };
  });
}

/** Decodes up to `limit` bytes; true when that succeeds (or the stream ends properly before it). */
function trialDecode(b: Buffer, props: { lc: number; lp: number; pb: number }, limit: number, moreInput: boolean): boolean {
  const d = new LzmaDecoder(limit, limit);
  d.setProps(props.lc, props.lp, props.pb);
  d.resetState();
  d.rc.init(b, 13, b.length);
  const why = d.decode(limit, moreInput);
  if (why === 'marker') return d.rc.finishedOk;
  if (why === 'input') return d.pos > 0;
  return !d.rc.overrun || moreInput;
}
