import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { FormatError } from '../errors.js';
import type { CodecId, DecompressOptions } from '../codecs/types.js';
import type { DecompressTask, TaskFailure } from './protocol.js';

// A pool of worker threads for heavy decompression (squashfs data blocks, big payloads). Threads start on
// demand, end after a short idle time and never keep the process alive, so a CLI command exits as soon as
// its own work is done even if nobody calls close().

export interface PoolOptions {
  /** Worker threads; default: the machine's available parallelism. */
  readonly threads?: number;
  /** Milliseconds an idle worker stays before it exits (default 500). */
  readonly idleTimeoutMs?: number;
}

export interface PoolTask {
  readonly codec: CodecId;
  readonly input: Uint8Array;
  readonly options: DecompressOptions;
  /**
   * Move `input`'s memory to the worker instead of copying it. The caller's array is unusable afterwards;
   * only done when the array owns its whole ArrayBuffer (never for slices of a larger buffer).
   */
  readonly transfer?: boolean;
}

/** The worker module beside this file: worker.ts when running from source (tsx), worker.js from dist/. */
export function workerPath(): string {
  const self = fileURLToPath(import.meta.url);
  return self.replace(/pool\.([cm]?[jt]s)$/, 'worker.$1');
}

// Flags a worker needs from its parent (module hooks such as tsx, conditions, source maps). Others, such as
// --input-type or --test, are refused or meaningless in a worker.
const KEEP_WITH_VALUE = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C']);
const KEEP_ALONE = /^--(enable-source-maps|no-warnings|experimental-[a-z-]+|(import|require|loader|experimental-loader|conditions)=.+)$/;

/** The parent's execArgv reduced to what a worker thread should inherit. */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (KEEP_WITH_VALUE.has(arg) && i + 1 < argv.length) out.push(arg, argv[++i]!);
    else if (KEEP_ALONE.test(arg)) out.push(arg);
  }
  return out;
}

function ownsBuffer(a: Uint8Array): boolean {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && !(a.buffer instanceof SharedArrayBuffer);
}

export class DecompressPool {
  private readonly piscina: Piscina;

  constructor(options: PoolOptions = {}) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.piscina = new Piscina({
      filename: workerPath(),
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: options.idleTimeoutMs ?? 500,
      // Workers inherit the parent's module hooks (so `--import tsx` reaches them under tests).
      execArgv: workerExecArgv(),
    });
  }

  get threads(): number {
    return this.piscina.options.maxThreads;
  }

  /** Decompresses in a worker; rejects with FormatError for bad data, like decompress() would throw. */
  async run(task: PoolTask): Promise<Buffer> {
    const message: DecompressTask = { codec: task.codec, input: task.input, options: task.options };
    const transferList = task.transfer && ownsBuffer(task.input) ? [task.input.buffer as ArrayBuffer] : undefined;
    const result = (await this.piscina.run(message, transferList ? { transferList } : {})) as Uint8Array | TaskFailure;
    if (result instanceof Uint8Array) return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
    if (result.format) throw new FormatError(result.message);
    throw new Error(`decompression worker failed: ${result.message}`);
  }

  /**
   * Runs many tasks across the threads; results are in task order. Each result settles on its own, so one
   * corrupt block does not hide the others: failures are returned as Error values, not thrown.
   */
  async runBatch(tasks: readonly PoolTask[]): Promise<(Buffer | Error)[]> {
    return Promise.all(tasks.map((t) => this.run(t).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
  }

  /** Ends the workers (pending tasks finish first). */
  async close(): Promise<void> {
    await this.piscina.close();
  }
}
