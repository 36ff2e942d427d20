import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lzma } from './index.js';
import { BufferSource } from '../../source/index.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { missing, randomBytes, textBytes, tool } from '../../../test-support/codec-data.js';
import { checkProbeRejects, checkUnpack, checkUnpackRejects } from '../../../test-support/stream-plugin.js';
import { testContext } from '../../../test-support/stream-context.js';

describe('lzma format plug-in', { skip: missing('xz') }, () => {
  it('unpacks a stream followed by other data into one blob with the exact length', async () => {
    const data = textBytes(100_000);
    await checkUnpack(lzma, tool('xz', ['-c', '--format=lzma'], data), data);
  });

  it('probes strictly and never throws', () => checkProbeRejects(lzma));

  it('rejects plausible-looking headers over data that does not decode (carving false positives)', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const header = Buffer.from([0x5d, 0x00, 0x00, 0x80, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]);
      if (lzma.probe(new BufferSource(Buffer.concat([header, randomBytes(70_000, seed)]), 'test'))) accepted++;
    }
    assert.equal(accepted, 0);
    const text = textBytes(70_000);
    text.set([0x5d, 0x00, 0x00, 0x80, 0x00], 0);
    assert.equal(lzma.probe(new BufferSource(text, 'test')), null);
  });

  it('rejects a truncated stream', async () => {
    await checkUnpackRejects(lzma, tool('xz', ['-c', '--format=lzma'], textBytes(50_000)).subarray(0, 1000));
  });

  it('finds and unpacks the kernel payload of linuxkernel/bzImage_lzma', async (t) => {
    const f = corpusFile('fact_extractor/linuxkernel/bzImage_lzma');
    if (!f) return t.skip('corpus missing');
    const image = readFileSync(f);
    assert.equal(lzma.probe(new BufferSource(image, 'image')), null);
    const src = new BufferSource(image.subarray(17001), 'payload');
    assert.ok(lzma.probe(src));
    const out = await lzma.unpack(src, testContext());
    assert.ok(out.kind === 'blobs' && out.blobs[0]!.source.read(0, 4).toString('latin1') === '\x7fELF');
    assert.ok(out.length < image.length - 17001);
  });
});
