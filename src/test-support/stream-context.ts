// A minimal UnpackContext for plug-in tests: default limits, never aborted, warnings and charges recorded.
import { DEFAULT_LIMITS, type UnpackContext, type UnpackLimits } from '../firmware/types.js';

export interface RecordingContext extends UnpackContext {
  readonly warnings: string[];
  charged: number;
}

export function testContext(limits: Partial<UnpackLimits> = {}): RecordingContext {
  const ctx: RecordingContext = {
    limits: { ...DEFAULT_LIMITS, ...limits },
    signal: new AbortController().signal,
    layer: 'test',
    warnings: [],
    charged: 0,
    warn(message: string) {
      ctx.warnings.push(message);
    },
    charge(bytes: number) {
      ctx.charged += bytes;
    },
  };
  return ctx;
}
