import { unpackImage, type FirmwareEvidence } from '../../firmware/index.js';
import { IotcopError } from '../../model/index.js';
import type { Io } from '../io.js';
import { limitsFrom, type LimitOptions } from './options.js';
import { ProgressBar } from './progress.js';

export interface UnpackCliOptions extends LimitOptions {
  readonly deep?: boolean;
  readonly quiet?: boolean;
}

export interface UnpackCliExtras {
  /** Whether the log's sha256 is shown (hashing costs a full read of the image). */
  readonly hash?: boolean;
}

/** Unpacks with the CLI's limits, showing progress on a terminal. */
export async function unpackForCli(image: string, options: UnpackCliOptions, io: Io, extras: UnpackCliExtras = {}): Promise<FirmwareEvidence> {
  const bar = new ProgressBar(io, options.quiet ?? false);
  let label = 'scanning';
  try {
    return await unpackImage(image, {
      limits: limitsFrom(options),
      deep: options.deep ?? false,
      hash: extras.hash ?? true,
      onProgress: (event) => {
        if (event.kind === 'layer') label = `${event.id}`;
        else bar.update(label, event.done, event.total);
      },
    });
  } finally {
    bar.clear();
  }
}

/** ls and unpack have nothing to show when no filesystem or archive was found: say so and point to identify. */
export function requireTrees(evidence: FirmwareEvidence): void {
  if (evidence.filesystems.length > 0) return;
  const errors = evidence.log.layers.filter((l) => l.error).map((l) => `${l.id}: ${l.error?.code ?? ''} ${l.error?.message ?? ''}`);
  throw new IotcopError('ERR_FORMAT_UNSUPPORTED', `no filesystem or archive could be unpacked from ${evidence.image}`, {
    hint: errors.length > 0 ? `Layers that failed: ${errors.join('; ')}` : 'Run `iotcop identify` to see what the image contains.',
  });
}
