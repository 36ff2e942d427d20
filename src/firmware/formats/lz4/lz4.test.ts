import { describe, it } from 'node:test';
import { lz4 } from './index.js';
import { missing, textBytes, tool } from '../../../test-support/codec-data.js';
import { checkProbeRejects, checkUnpack, checkUnpackRejects } from '../../../test-support/stream-plugin.js';

describe('lz4 format plug-in', { skip: missing('lz4') }, () => {
  it('unpacks a frame followed by other data into one blob with the exact length', async () => {
    const data = textBytes(100_000);
    await checkUnpack(lz4, tool('lz4', ['-q', '-c'], data), data);
  });
  it('unpacks the legacy format', async () => {
    const data = textBytes(100_000);
    await checkUnpack(lz4, tool('lz4', ['-q', '-c', '-l'], data), data);
  });
  it('probes strictly and never throws', () => checkProbeRejects(lz4));
  it('rejects a truncated frame', async () => {
    await checkUnpackRejects(lz4, tool('lz4', ['-q', '-c'], textBytes(50_000)).subarray(0, 1000));
  });
});
