import { describe, it } from 'node:test';
import { zstd } from './index.js';
import { missing, textBytes, tool } from '../../../test-support/codec-data.js';
import { checkProbeRejects, checkUnpack, checkUnpackRejects } from '../../../test-support/stream-plugin.js';

describe('zstd format plug-in', { skip: missing('zstd') }, () => {
  it('unpacks a stream followed by other data into one blob with the exact length', async () => {
    const data = textBytes(100_000);
    await checkUnpack(zstd, tool('zstd', ['-q', '-c'], data), data);
  });
  it('probes strictly and never throws', () => checkProbeRejects(zstd));
  it('rejects a truncated stream', async () => {
    await checkUnpackRejects(zstd, tool('zstd', ['-q', '-c'], textBytes(50_000)).subarray(0, 1000));
  });
});
