import { describe, it } from 'node:test';
import { gzip } from './index.js';
import { missing, textBytes, tool } from '../../../test-support/codec-data.js';
import { checkProbeRejects, checkUnpack, checkUnpackRejects } from '../../../test-support/stream-plugin.js';

describe('gzip format plug-in', { skip: missing('gzip') }, () => {
  it('unpacks a stream followed by other data into one blob with the exact length', async () => {
    const data = textBytes(100_000);
    await checkUnpack(gzip, tool('gzip', ['-c'], data), data);
  });
  it('probes strictly and never throws', () => checkProbeRejects(gzip));
  it('rejects a truncated stream', async () => {
    await checkUnpackRejects(gzip, tool('gzip', ['-c'], textBytes(50_000)).subarray(0, 1000));
  });
});
