import { describe, it } from 'node:test';
import { bzip2 } from './index.js';
import { missing, textBytes, tool } from '../../../test-support/codec-data.js';
import { checkProbeRejects, checkUnpack, checkUnpackRejects } from '../../../test-support/stream-plugin.js';

describe('bzip2 format plug-in', { skip: missing('bzip2') }, () => {
  it('unpacks a stream followed by other data into one blob with the exact length', async () => {
    const data = textBytes(100_000);
    await checkUnpack(bzip2, tool('bzip2', ['-c'], data), data);
  });
  it('probes strictly and never throws', () => checkProbeRejects(bzip2));
  it('rejects a truncated stream', async () => {
    await checkUnpackRejects(bzip2, tool('bzip2', ['-c'], textBytes(50_000)).subarray(0, 1000));
  });
});
