// Format plug-ins for driver tests: misbehaving plug-ins (hanging, throwing, returning garbage) to prove the driver contains them.
import { FormatError } from '../firmware/errors.js';
import type { FormatPlugin, Unpacked } from '../firmware/types.js';

/** A format recognised by the bytes `HANG!` that never finishes unpacking (a stuck worker). */
export const hangingPlugin: FormatPlugin = {
  id: 'test-hang',
  title: 'hangs',
  kind: 'container',
  signatures: [{ magic: Buffer.from('HANG!'), at: 0 }],
  probe: (src) => (src.size >= 5 && src.read(0, 5).toString() === 'HANG!' ? { description: 'hangs', length: 5 } : null),
  unpack: () => new Promise<Unpacked>(() => undefined),
};

/** `SPIN!`: a synchronous loop that only stops when the layer's signal aborts (time limit for sync code). */
export const spinningPlugin: FormatPlugin = {
  id: 'test-spin',
  title: 'spins',
  kind: 'container',
  signatures: [{ magic: Buffer.from('SPIN!'), at: 0 }],
  probe: (src) => (src.size >= 5 && src.read(0, 5).toString() === 'SPIN!' ? { description: 'spins', length: 5 } : null),
  unpack(_src, ctx) {
    for (;;) {
      if (ctx.signal.aborted) return Promise.reject(ctx.signal.reason as Error);
    }
  },
};

/** `BOOM!`: throws a TypeError (a plug-in bug); `BAD!!`: throws FormatError; `JUNK!`: returns garbage; `PROBE`: probe throws. */
export const misbehavingPlugin: FormatPlugin = {
  id: 'test-bad',
  title: 'misbehaves',
  kind: 'container',
  signatures: ['BOOM!', 'BAD!!', 'JUNK!', 'PROBE'].map((m) => ({ magic: Buffer.from(m), at: 0 })),
  probe(src) {
    if (src.size < 5) return null;
    const magic = src.read(0, 5).toString();
    if (magic === 'PROBE') throw new Error('probe bug');
    return ['BOOM!', 'BAD!!', 'JUNK!'].includes(magic) ? { description: magic, length: 5 } : null;
  },
  unpack(src) {
    const magic = src.read(0, 5).toString();
    if (magic === 'BOOM!') throw new TypeError('cannot read properties of undefined');
    if (magic === 'BAD!!') return Promise.reject(new FormatError('bad header'));
    return Promise.resolve({ kind: 'nonsense' } as unknown as Unpacked);
  },
};
