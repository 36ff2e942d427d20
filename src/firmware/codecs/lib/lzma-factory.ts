import { LzmaDecoder } from './lzma-decoder.js';
import type { LzmaEngine } from './lzma-engine.js';
import { WasmLzmaDecoder, wasmAvailable } from './lzma-wasm.js';

/** Above this (input + output) the JS decoder is used: WebAssembly memory stops at 4 GiB. */
const WASM_MAX_BYTES = 2 ** 31;

/** Which symbol decoder runs: WebAssembly when available, JS otherwise or when IOTCOP_LZMA=js. */
export function lzmaEngineKind(): 'wasm' | 'js' {
  return process.env.IOTCOP_LZMA !== 'js' && wasmAvailable() ? 'wasm' : 'js';
}

/** A decoder for LZMA data in `input`, with `initial` bytes of output room growing up to `cap`. */
export function createLzmaEngine(input: Uint8Array, initial: number, cap: number, kind = lzmaEngineKind()): LzmaEngine {
  if (kind === 'wasm' && input.length + Math.min(initial, cap) < WASM_MAX_BYTES) return new WasmLzmaDecoder(input, initial, cap);
  return new LzmaDecoder(initial, cap);
}
