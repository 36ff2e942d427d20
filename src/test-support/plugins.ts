// Format plug-ins for driver tests: a real zlib stream format (node:zlib) that produces a blob, and
// misbehaving plug-ins (hanging, throwing, returning garbage) to prove the driver contains them.
import { inflateSync } from 'node:zlib';
import { FormatError } from '../firmware/errors.js';
import { limitError } from '../firmware/limits.js';
import { BufferSource } from '../firmware/source/index.js';
import type { ByteSource, FormatPlugin, Unpacked } from '../firmware/types.js';

function inflateWithLength(src: ByteSource, maxOutput: number): { out: Buffer; consumed: number } {
  const input = src.read(0, src.size);
  try {
    const { buffer, engine } = inflateSync(input, { info: true, maxOutputLength: maxOutput }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { out: buffer, consumed: engine.bytesWritten };
  } catch (error) {
    // Output over the cap derived from the limits is a limit hit, not malformed data.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw limitError(`zlib: output over ${maxOutput} bytes`);
    throw new FormatError(`zlib: ${(error as Error).message}`);
  }
}

/** zlib streams (RFC 1950): header check bits, then a trial decode; produces the decompressed blob. */
export const zlibTestPlugin: FormatPlugin = {
  id: 'test-zlib',
  title: 'zlib stream (test)',
  kind: 'compression',
  signatures: [0x01, 0x5e, 0x9c, 0xda].map((level) => Buffer.from([0x78, level])).map((magic) => ({ magic, at: 0 })),
  probe(src) {
    if (src.size < 8) return null;
    const h = src.read(0, 2);
    if ((h[0]! & 0x0f) !== 8 || ((h[0]! << 8) | h[1]!) % 31 !== 0 || h[1]! & 0x20) return null;
    // A trial decode of a bounded prefix: running out of input (Z_BUF_ERROR) or of output is fine, bad data is not.
    try {
      inflateSync(src.read(0, Math.min(src.size, 64 * 1024)), { maxOutputLength: 1024 * 1024 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'Z_BUF_ERROR' && code !== 'ERR_BUFFER_TOO_LARGE') return null;
    }
    return { description: 'zlib compressed data' };
  },
  unpack(src, ctx) {
    const { out, consumed } = inflateWithLength(src, Math.min(ctx.limits.maxTotalBytes, src.size * ctx.limits.maxRatio + 1));
    ctx.charge(out.length);
    return Promise.resolve({ kind: 'blobs', blobs: [{ name: 'data', source: new BufferSource(out, `${ctx.layer}:data`) }], length: consumed });
  },
};

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
