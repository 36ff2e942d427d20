import { describe, it } from 'node:test';
import { xz } from './index.js';
import { missing, textBytes, tool } from '../../../test-support/codec-data.js';
import { checkProbeRejects, checkUnpack, checkUnpackRejects } from '../../../test-support/stream-plugin.js';

describe('xz format plug-in', { skip: missing('xz') }, () => {
  it('unpacks a stream followed by other data into one blob with the exact length', async () => {
    const data = textBytes(100_000);
    await checkUnpack(xz, tool('xz', ['-c'], data), data);
  });
  it('probes strictly and never throws', () => checkProbeRejects(xz));
  it('rejects a truncated stream', async () => {
    await checkUnpackRejects(xz, tool('xz', ['-c'], textBytes(50_000)).subarray(0, 1000));
  });
});
