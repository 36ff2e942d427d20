import { InvalidArgumentError, type Command } from 'commander';
import type { UnpackLimits } from '../../firmware/index.js';

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `4G`, `512M`, `100k` or plain bytes (binary units). */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(value.trim());
  const n = m ? Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a size such as 512M, 4G or a number of bytes');
  return n;
}

/** `30s`, `500ms`, `2m`, or plain seconds; returns milliseconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(value.trim());
  const factor = m?.[2] === 'ms' ? 1 : m?.[2] === 'm' ? 60_000 : 1000;
  const n = m ? Math.round(Number(m[1]) * factor) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a duration such as 30s, 500ms or 2m');
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export interface LimitOptions {
  readonly maxBytes?: number;
  readonly maxRatio?: number;
  readonly maxEntries?: number;
  readonly maxDepth?: number;
  readonly layerTimeout?: number;
}

/** Adds the unpack limit options shared by ls, unpack and identify. */
export function addLimitOptions(command: Command): Command {
  return command
    .option('--max-bytes <size>', 'stop a layer once the image has produced this much in total (e.g. 4G)', parseSize)
    .option('--max-ratio <n>', 'stop a layer that expands more than n times its input', parseCount)
    .option('--max-entries <n>', 'stop a filesystem or archive with more entries', parseCount)
    .option('--max-depth <n>', 'do not unpack layers nested deeper than n', parseCount)
    .option('--layer-timeout <duration>', 'stop a layer that takes longer (e.g. 120s)', parseDuration);
}

export function limitsFrom(options: LimitOptions): Partial<UnpackLimits> {
  return {
    ...(options.maxBytes !== undefined ? { maxTotalBytes: options.maxBytes } : {}),
    ...(options.maxRatio !== undefined ? { maxRatio: options.maxRatio } : {}),
    ...(options.maxEntries !== undefined ? { maxEntries: options.maxEntries } : {}),
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
    ...(options.layerTimeout !== undefined ? { layerTimeoutMs: options.layerTimeout } : {}),
  };
}
