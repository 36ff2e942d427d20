import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { IotcopError } from '../../model/index.js';
import { FORMATS } from '../formats/registry.js';
import { FileSource } from '../source/index.js';
import { DEFAULT_LIMITS, type FirmwareEvidence, type FormatPlugin, type UnpackLimits } from '../types.js';
import { directoryEvidence } from './directory.js';
import { Driver, type UnpackProgress } from './driver.js';

export interface UnpackOptions {
  /** Overrides of DEFAULT_LIMITS. */
  readonly limits?: Partial<UnpackLimits>;
  /** Also look inside regular files of unpacked trees for archives and filesystems (.ipk, .tar.gz, initramfs). */
  readonly deep?: boolean;
  /** The format plug-ins in probe order (default: the registry); third-party formats are passed here. */
  readonly formats?: readonly FormatPlugin[];
  /** Cancels the whole unpack: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: UnpackProgress) => void;
  /** Hash the image for the log (default true); false leaves `log.sha256` empty and saves a full read. */
  readonly hash?: boolean;
}

function sha256(src: FileSource): string {
  const hash = createHash('sha256');
  const chunk = 4 * 1024 * 1024;
  for (let at = 0; at < src.size; at += chunk) hash.update(src.readDirect(at, Math.min(chunk, src.size - at)));
  return hash.digest('hex');
}

/**
 * Unpacks a firmware image (or reads an already extracted directory) into evidence: the unpack log and
 * every filesystem found. Malformed layers and limit hits are recorded in the log, never thrown; only a
 * missing input or cancellation rejects.
 */
export async function unpackImage(path: string, options: UnpackOptions = {}): Promise<FirmwareEvidence> {
  const limits: UnpackLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  if (isDir) return directoryEvidence(path, limits);
  let source: FileSource;
  try {
    source = new FileSource(path);
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `cannot open ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const driver = new Driver({
    limits, formats: options.formats ?? FORMATS, deep: options.deep ?? false, signal: options.signal, onProgress: options.onProgress,
  });
  await driver.run(source);
  return {
    image: path,
    log: { image: path, size: source.size, sha256: options.hash === false ? '' : sha256(source), layers: driver.layers, unknown: driver.unknown },
    filesystems: driver.filesystems,
  };
}
