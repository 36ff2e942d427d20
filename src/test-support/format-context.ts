// A minimal UnpackContext for format plug-in tests: records warnings and charged bytes, enforces maxTotalBytes.
import { DEFAULT_LIMITS } from '../firmware/types.js';
import type { UnpackContext, UnpackLimits } from '../firmware/types.js';
import { FormatError } from '../firmware/errors.js';

export interface TestContext extends UnpackContext {
  readonly warnings: string[];
  charged: number;
}

export function testContext(limits: Partial<UnpackLimits> = {}): TestContext {
  const merged: UnpackLimits = { ...DEFAULT_LIMITS, ...limits };
  const ctx: TestContext = {
    limits: merged,
    signal: new AbortController().signal,
    layer: 'test',
    warnings: [],
    charged: 0,
    warn(message: string) {
      ctx.warnings.push(message);
    },
    charge(bytes: number) {
      ctx.charged += bytes;
      if (ctx.charged > merged.maxTotalBytes) throw new FormatError(`over the ${merged.maxTotalBytes}-byte limit`);
    },
  };
  return ctx;
}
