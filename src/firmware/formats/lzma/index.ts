import { decodeLzma } from '../../codecs/lzma/index.js';
import type { FormatPlugin } from '../../types.js';
import { unpackStream } from '../compression-stream.js';
import { probeLzma } from './probe.js';

/**
 * Properties bytes that carving looks for: those binwalk 2.3.4 has signatures for (every pb/lp/lc with
 * pb * 45 + lp * 9 >= 0x51, up to pb = lp = 4, lc + lp <= 4), which covers the encoders' default 0x5d and
 * the vendor ones (0x5a in Wind River MFS files, 0x6e in TP-Link VxWorks images). Each is followed by two
 * zero bytes: a dictionary of at least 64 KiB.
 */
const CARVED_PROPS: readonly number[] = (() => {
  const out: number[] = [];
  for (let p = 0x51; p <= 0xd8; p++) if ((p % 9) + (Math.floor(p / 9) % 5) <= 4) out.push(p);
  return out;
})();

/**
 * LZMA "alone" streams (.lzma, kernel and bootloader payloads). No magic: the signatures are the usual
 * header starts (a properties byte + a dictionary of at least 64 KiB), and the probe decodes a trial.
 */
export const lzma: FormatPlugin = {
  id: 'lzma',
  title: 'LZMA compressed data',
  kind: 'compression',
  signatures: CARVED_PROPS.map((p) => ({ magic: Buffer.from([p, 0x00, 0x00]), at: 0 })),
  probe: probeLzma,
  unpack: (src, ctx) => unpackStream(src, ctx, 'lzma', (bytes, maxOutput) => decodeLzma(bytes, { maxOutput, vendor: false })),
};
