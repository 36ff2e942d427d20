import { decodeLzma1 } from '../lib/lzma1.js';

// Brute-force detection of the LZMA properties of headerless vendor streams: the approach sasquatch calls
// "adaptive" (try every lc/lp/pb up to 4 and a few leading offsets), written here from that description.
// A guess is accepted only when it decodes without error to exactly the size the container expects, which
// wrong properties almost never do. Run it once per image, then pass the result as `options.lzma`.

export interface DetectedLzma {
  readonly lc: number;
  readonly lp: number;
  readonly pb: number;
  /** Bytes to skip before the range coder's first byte. */
  readonly offset: number;
}

const MAX_OFFSET = 10;

/** Finds properties (and a leading offset) that decode `input` to exactly `expectedSize` bytes. */
export function detectLzmaRawProps(input: Uint8Array, expectedSize: number): DetectedLzma | undefined {
  for (let offset = 0; offset <= MAX_OFFSET && offset < input.length; offset++) {
    if (input[offset] !== 0) continue;
    for (let lc = 0; lc <= 4; lc++) {
      for (let lp = 0; lp <= 4; lp++) {
        for (let pb = 0; pb <= 4; pb++) {
          if (decodesTo(input, offset, lc, lp, pb, expectedSize)) return { lc, lp, pb, offset };
        }
      }
    }
  }
  return undefined;
}

function decodesTo(input: Uint8Array, offset: number, lc: number, lp: number, pb: number, size: number): boolean {
  try {
    // One byte of slack: a wrong guess that runs long shows up as a size mismatch, not a silent cut.
    const r = decodeLzma1(input, offset, { lc, lp, pb, size: undefined, maxOutput: size + 1, allowInputEnd: true });
    return r.end === 'marker' ? r.data.length === size : r.data.length === size && r.end === 'input';
  } catch {
    return false;
  }
}
