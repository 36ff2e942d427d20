import { FormatError } from '../../errors.js';
import type { LzmaEngine } from './lzma-engine.js';
import type { LzmaEnd } from './lzma-symbols.js';
import { LZMA_WASM_BASE64 } from './wasm/lzma-binary.js';

// The LZMA symbol loop compiled to WebAssembly (wasm/lzma.c), about 1.5x faster than the JS loop. One
// instance per thread is reused by every decode (calls are synchronous, so never shared at once). Linear
// memory layout from __heap_base: the 64-byte state, probabilities for lc + lp up to 12, the input, then
// the output, which comes last so it can grow in place with memory.grow.

// The few WebAssembly JS API types used here (the project's TS lib settings do not declare them).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

interface Exports {
  memory: WasmMemory;
  __heap_base: { value: number };
  lzma_decode(state: number, probs: number, input: number, out: number, end: number, cap: number, stopAtInputEnd: number): number;
  crc64(ptr: number, len: number, crc: bigint): bigint;
  xxh64(ptr: number, len: number, seed: bigint): bigint;
}

const PAGE = 65536;
const STATE_BYTES = 64;
const LITERAL = 1847;
const PROBS_BYTES = (LITERAL + (0x300 << 12)) * 2;
const MATCH_MAX = 273;
const U32_MAX = 0xffffffff;
const RESULTS: Record<number, LzmaEnd> = { 0: 'size', 1: 'marker', 2: 'input' };
const ERRORS: Record<number, string> = {
  [-1]: 'lzma: corrupt data (match distance beyond output)',
  [-2]: 'lzma: truncated input',
  [-3]: 'lzma: corrupt data (repeated match at stream start)',
};
// Field indexes of struct lzma_state (u32 each).
const F = { range: 0, code: 1, inPos: 2, inEnd: 3, outPos: 4, dictStart: 5, state: 6, rep0: 7, lc: 11, lp: 12, pb: 13, overlong: 14 };

let instance: Exports | null | undefined;
/** Linear memory never shrinks: after a decode that grew it past this, the instance is dropped for the GC. */
const KEEP_MEMORY = 64 << 20;

function releaseIfLarge(): void {
  if (instance && instance.memory.buffer.byteLength > KEEP_MEMORY) {
    instance = undefined;
    generation++;
  }
}
/** Bumped by every new decoder: an older one must not touch the shared memory any more. */
let generation = 0;

function load(): Exports | null {
  if (instance === undefined) {
    try {
      if (!wasm) throw new Error('no WebAssembly');
      const module = new wasm.Module(Buffer.from(LZMA_WASM_BASE64, 'base64'));
      instance = new wasm.Instance(module, {}).exports as Exports;
    } catch {
      instance = null;
    }
  }
  return instance;
}

/**
 * CRC64 of bytes that live in the module's memory (xz output decoded there), as 8 little-endian bytes;
 * undefined when `data` is elsewhere, so the caller uses its JS version.
 */
export function wasmCrc64(data: Uint8Array): Buffer | undefined {
  const x = instance;
  if (!x || data.buffer !== x.memory.buffer) return undefined;
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(BigInt.asUintN(64, x.crc64(data.byteOffset, data.length, 0n)));
  return out;
}

/**
 * XXH64 of `data` (copied into the module's memory past the decoder's regions), or undefined without
 * WebAssembly. Takes the shared instance: an LZMA decoder created before must not be used afterwards.
 */
export function wasmXxh64(data: Uint8Array): bigint | undefined {
  const x = load();
  if (!x) return undefined;
  generation++;
  const at = Math.ceil(x.__heap_base.value / 16) * 16 + STATE_BYTES + PROBS_BYTES;
  const have = x.memory.buffer.byteLength;
  if (at + data.length > have) x.memory.grow(Math.ceil((at + data.length - have) / PAGE));
  new Uint8Array(x.memory.buffer, at, data.length).set(data);
  const h = BigInt.asUintN(64, x.xxh64(at, data.length, 0n));
  releaseIfLarge();
  return h;
}

/** True when WebAssembly is usable here (else the JS decoder is used). */
export function wasmAvailable(): boolean {
  return load() !== null;
}

export class WasmLzmaDecoder implements LzmaEngine {
  private readonly x: Exports;
  private readonly stateAt: number;
  private readonly probsAt: number;
  private readonly outAt: number;
  private capacity: number;
  private probsSize = 0;
  private readonly generation = ++generation;
  overlong = false;

  /** `input` is copied into the instance once; every rc.init must name the same array. */
  constructor(private readonly input: Uint8Array, initial: number, private readonly cap: number) {
    const x = load();
    if (!x) throw new Error('WebAssembly is not available');
    this.x = x;
    this.stateAt = Math.ceil(x.__heap_base.value / 16) * 16;
    this.probsAt = this.stateAt + STATE_BYTES;
    const inputAt = this.probsAt + PROBS_BYTES;
    this.outAt = inputAt + input.length;
    this.capacity = Math.max(0, Math.min(initial, cap));
    this.reserve(this.outAt + this.capacity);
    new Uint8Array(x.memory.buffer, inputAt, input.length).set(input);
    this.fields().fill(0);
    this.rc = new WasmRange(this, input);
  }

  readonly rc: WasmRange;

  /** The state struct's u32 fields (a fresh view: memory.grow replaces the buffer). */
  fields(): Uint32Array {
    if (this.generation !== generation) throw new Error('WasmLzmaDecoder used after another decoder took the shared instance');
    return new Uint32Array(this.x.memory.buffer, this.stateAt, STATE_BYTES / 4);
  }

  private reserve(bytes: number): void {
    const have = this.x.memory.buffer.byteLength;
    if (bytes <= have) return;
    try {
      this.x.memory.grow(Math.ceil((bytes - have) / PAGE));
    } catch (error) {
      throw new FormatError(`lzma: ${bytes} bytes do not fit the WebAssembly decoder's memory`, { cause: error });
    }
  }

  get out(): Uint8Array {
    return new Uint8Array(this.x.memory.buffer, this.outAt, this.capacity);
  }

  get pos(): number {
    return this.fields()[F.outPos]!;
  }

  set pos(v: number) {
    this.fields()[F.outPos] = v;
  }

  get dictStart(): number {
    return this.fields()[F.dictStart]!;
  }

  set dictStart(v: number) {
    this.fields()[F.dictStart] = v;
  }

  setProps(lc: number, lp: number, pb: number): void {
    if (lc > 8 || lp > 4 || pb > 4) throw new FormatError(`lzma: invalid properties lc=${lc} lp=${lp} pb=${pb}`);
    const f = this.fields();
    f[F.lc] = lc;
    f[F.lp] = lp;
    f[F.pb] = pb;
    this.probsSize = LITERAL + (0x300 << (lc + lp));
  }

  resetState(): void {
    new Uint16Array(this.x.memory.buffer, this.probsAt, this.probsSize).fill(1024);
    const f = this.fields();
    f.fill(0, F.state, F.rep0 + 4);
  }

  ensure(need: number): Uint8Array {
    if (need > this.capacity && this.capacity < this.cap) {
      this.capacity = Math.min(this.cap, Math.max(need, this.capacity * 2));
      this.reserve(this.outAt + this.capacity);
    }
    return this.out;
  }

  decode(end: number, stopAtInputEnd = false): LzmaEnd {
    const limit = Math.min(end, this.cap);
    for (;;) {
      this.ensure(Math.min(limit, this.pos + MATCH_MAX));
      const inputAt = this.outAt - this.input.length;
      // The C side takes u32 positions: a cap of 4 GiB or more (the default total limit is exactly 4 GiB)
      // would wrap to a tiny one. Linear memory ends below 4 GiB, so reserve() fails long before U32_MAX.
      const r = this.x.lzma_decode(this.stateAt, this.probsAt, inputAt, this.outAt, Math.min(limit, U32_MAX), this.capacity, stopAtInputEnd ? 1 : 0);
      if (r === 3) {
        this.ensure(this.capacity * 2);
        continue;
      }
      const error = ERRORS[r];
      if (error) throw new FormatError(error);
      if (this.fields()[F.overlong]) this.overlong = true;
      const why = RESULTS[r]!;
      if (why === 'size' && this.pos >= this.cap && end > this.cap) throw new FormatError(`lzma: output over the ${this.cap}-byte cap`);
      return why;
    }
  }

  /**
   * The output, copied out of the instance's memory, or (`transient`) a view of it that the next decode in
   * this thread overwrites; the decoder is finished after this.
   */
  result(transient = false): Uint8Array {
    const view = new Uint8Array(this.x.memory.buffer, this.outAt, this.pos);
    const out = transient ? view : view.slice();
    releaseIfLarge();
    return out;
  }
}

/** The range coder part of the state struct, as the stream decoders use it. */
class WasmRange {
  constructor(private readonly d: WasmLzmaDecoder, private readonly input: Uint8Array) {}

  init(buf: Uint8Array, start: number, end: number): void {
    if (buf !== this.input) throw new Error('WasmLzmaDecoder: rc.init on another input');
    if (end - start < 5) throw new FormatError('lzma: range coder needs 5 bytes, the input is truncated');
    if (buf[start] !== 0) throw new FormatError('lzma: corrupt data (first range coder byte is not 0)');
    const f = this.d.fields();
    f[F.code] = ((buf[start + 1]! << 24) | (buf[start + 2]! << 16) | (buf[start + 3]! << 8) | buf[start + 4]!) >>> 0;
    f[F.range] = 0xffffffff;
    f[F.inPos] = start + 5;
    f[F.inEnd] = end;
    if (f[F.code] === 0xffffffff) throw new FormatError('lzma: corrupt data (range coder code is out of range)');
  }

  get pos(): number {
    return this.d.fields()[F.inPos]!;
  }

  get overrun(): boolean {
    const f = this.d.fields();
    return f[F.inPos]! > f[F.inEnd]!;
  }

  get finishedOk(): boolean {
    return this.d.fields()[F.code] === 0;
  }
}
