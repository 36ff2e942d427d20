import { FormatError } from '../../errors.js';
import { createLzmaEngine } from '../lib/lzma-factory.js';
import { initialRoom } from '../lib/lzma1.js';
import { asBuffer, checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { checkSize, verifyCheck } from './check.js';
import { decodeLzma2 } from './lzma2.js';
import { scanXz } from './stream.js';

/** Result of decoding: the bytes and how many input bytes the xz streams (with padding) spanned. */
export interface XzResult {
  readonly data: Buffer;
  readonly consumed: number;
}

/** Decodes every stream of an .xz file; checks (CRC32, CRC64, SHA-256) and the index are verified. */
export function decodeXz(input: Uint8Array, options: DecompressOptions, engine?: 'wasm' | 'js'): XzResult {
  const layout = scanXz(input, 0, options.maxOutput);
  const d = createLzmaEngine(input, initialRoom(input.length, layout.unpacked), layout.unpacked, engine);
  for (const block of layout.blocks) {
    const from = d.pos;
    decodeLzma2(d, input, block.dataStart);
    if (d.pos - from !== block.unpacked) throw new FormatError('xz: block decoded to an unexpected size');
    const data = d.out.subarray(from, d.pos);
    for (const filter of block.header.filters) filter(data);
    verifyCheck(block.checkType, data, input.subarray(block.checkStart, block.checkStart + checkSize(block.checkType)));
  }
  return { data: asBuffer(d.result(options.transient)), consumed: layout.end };
}

export function decompressXz(input: Buffer, options: DecompressOptions): Buffer {
  const out = decodeXz(input, options).data;
  checkExpected('xz', out.length, options.expectedSize);
  return out;
}
