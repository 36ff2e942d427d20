// Measures a "newc" cpio archive (the initramfs format, magic 070701/070702): walks the 110-byte ASCII
// headers, names and data (each padded to 4 bytes) up to the TRAILER!!! entry. Used to cut an uncompressed
// initramfs out of a kernel image; the archive itself is unpacked by the cpio plug-in.
import type { ByteSource } from '../../types.js';

const HEADER = 110;
const HEX8 = /^[0-9A-Fa-f]{8}$/;

const pad4 = (n: number): number => Math.ceil(n / 4) * 4;

/** Length of the cpio archive at `at`, or undefined when it is not a complete, well-formed one. */
export function cpioLength(src: ByteSource, at: number, maxEntries: number): number | undefined {
  let pos = at;
  for (let entries = 0; entries <= maxEntries; entries++) {
    if (pos + HEADER > src.size) return undefined;
    const head = src.read(pos, HEADER).toString('latin1');
    if (head.slice(0, 5) !== '07070' || (head[5] !== '1' && head[5] !== '2')) return undefined;
    const fields = Array.from({ length: 13 }, (_, i) => head.slice(6 + i * 8, 14 + i * 8));
    if (!fields.every((f) => HEX8.test(f))) return undefined;
    const fileSize = parseInt(fields[6]!, 16);
    const nameSize = parseInt(fields[11]!, 16);
    if (nameSize === 0 || nameSize > 4096 || pos + HEADER + nameSize > src.size) return undefined;
    const name = src.read(pos + HEADER, nameSize - 1).toString('latin1');
    pos = at + pad4(pos - at + HEADER + nameSize) + pad4(fileSize);
    if (pos > src.size) return undefined;
    if (name === 'TRAILER!!!') return pos - at;
  }
  return undefined;
}
