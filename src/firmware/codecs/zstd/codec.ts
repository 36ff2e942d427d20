import { Decompress, decompress as fzstdDecompress } from 'fzstd';
import { FormatError } from '../../errors.js';
import { wasmXxh64 } from '../lib/lzma-wasm.js';
import { asBuffer, checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { walkFrame, isZstdMagic, type ZstdFrame } from './frames.js';

/** Frames declaring more than this (and far more than their input) are decoded as a stream. */
const DIRECT_MAX = 16 << 20;

export interface ZstdResult {
  readonly data: Buffer;
  /** Input bytes spanned by the frames. */
  readonly consumed: number;
}

function magicAt(b: Uint8Array, at: number): number {
  return at + 4 <= b.length ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0 : 0;
}

/** Decodes one frame through fzstd's streaming decoder, counting output so a lying frame stops at the cap. */
function decodeCounted(frame: Uint8Array, cap: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const d = new Decompress((chunk) => {
    total += chunk.length;
    if (total > cap) throw new FormatError(`zstd: output over the cap`);
    chunks.push(chunk.slice());
  });
  d.push(frame, true);
  return chunks;
}

function decodeFrame(input: Uint8Array, f: ZstdFrame, cap: number): Uint8Array[] {
  const frame = input.subarray(f.start, f.end);
  if (f.exact) {
    if (f.bound > cap) throw new FormatError(`zstd: frame declares ${f.bound} bytes, over the cap`);
    if (f.bound > DIRECT_MAX && f.bound > frame.length * 64) {
      // A large declared size on little data: decode as a stream, so memory follows the real output.
      const chunks = decodeCounted(frame, f.bound);
      if (chunks.reduce((n, c) => n + c.length, 0) !== f.bound) throw new FormatError('zstd: frame does not decode to its declared size');
      return chunks;
    }
    // fzstd sizes its output from the declared content size (checked against the cap above); handing it a
    // preallocated buffer instead measured several times slower.
    const out = fzstdDecompress(frame);
    if (out.length !== f.bound) throw new FormatError('zstd: frame does not decode to its declared size');
    return [out];
  }
  return f.bound <= cap ? [fzstdDecompress(frame)] : decodeCounted(frame, cap);
}

/** Checks the frame's content checksum (fzstd does not): the low 32 bits of XXH64, from WebAssembly. */
function verifyChecksum(f: ZstdFrame, chunks: Uint8Array[]): void {
  if (f.checksum === undefined) return;
  const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const h = wasmXxh64(data);
  if (h !== undefined && Number(h & 0xffffffffn) !== f.checksum) throw new FormatError('zstd: content checksum does not match (corrupt data)');
}

/** Decodes the Zstandard frames at the start of `input` with fzstd; bytes after the last frame are left. */
export function decodeZstd(input: Uint8Array, maxOutput: number): ZstdResult {
  const parts: Uint8Array[] = [];
  let total = 0;
  let pos = 0;
  do {
    const f = walkFrame(input, pos);
    if (!f.skippable) {
      let chunks: Uint8Array[];
      try {
        chunks = decodeFrame(input, f, maxOutput - total);
      } catch (error) {
        if (error instanceof FormatError) throw error;
        throw new FormatError(`zstd: ${(error as Error).message}`, { cause: error });
      }
      verifyChecksum(f, chunks);
      for (const c of chunks) total += c.length;
      if (total > maxOutput) throw new FormatError(`zstd: output over the ${maxOutput}-byte cap`);
      parts.push(...chunks);
    }
    pos = f.end;
  } while (isZstdMagic(magicAt(input, pos)));
  const data = parts.length === 1 ? asBuffer(parts[0]!) : Buffer.concat(parts, total);
  return { data, consumed: pos };
}

export function decompressZstd(input: Buffer, options: DecompressOptions): Buffer {
  const out = decodeZstd(input, options.maxOutput).data;
  checkExpected('zstd', out.length, options.expectedSize);
  return out;
}
