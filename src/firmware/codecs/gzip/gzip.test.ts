import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decompress } from '../index.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { assertFormatError, corrupt, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { decodeGzip } from './member.js';

const MAX = 64 << 20;

describe('gzip codec against gzip', { skip: missing('gzip') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`decodes ${name}`, () => {
      const packed = tool('gzip', ['-c', '-n'], data);
      const r = decodeGzip(packed, MAX);
      assert.ok(r.data.equals(data));
      assert.equal(r.consumed, packed.length);
    });
  }

  it('decodes concatenated members, keeps the name and stops before trailing bytes', () => {
    const a = tool('gzip', ['-c', '-N', '/etc/hostname'], Buffer.alloc(0));
    const one = tool('gzip', ['-c'], Buffer.from('one '));
    const two = tool('gzip', ['-c'], Buffer.from('two'));
    const r = decodeGzip(Buffer.concat([one, two, Buffer.from('firmware padding')]), MAX);
    assert.equal(r.data.toString(), 'one two');
    assert.equal(r.consumed, one.length + two.length);
    assert.ok(a.length > 0);
  });

  it('fails cleanly on truncation, corruption (CRC) and output over the cap', () => {
    const packed = tool('gzip', ['-c'], textBytes(100_000));
    for (const cut of [2, 9, 30, packed.length >> 1, packed.length - 4]) {
      assertFormatError(() => decompress('gzip', packed.subarray(0, cut), { maxOutput: MAX }));
    }
    assertFormatError(() => decompress('gzip', corrupt(packed, packed.length - 6), { maxOutput: MAX }), /CRC/);
    assertFormatError(() => decompress('gzip', corrupt(packed, 3), { maxOutput: MAX }));
    const bomb = tool('gzip', ['-c'], Buffer.alloc(8 << 20));
    assertFormatError(() => decompress('gzip', bomb, { maxOutput: 1 << 20 }), /cap/);
  });

  it('decodes the gzip payload of linuxkernel/bzImage_gzip like gzip -d', (t) => {
    const f = corpusFile('fact_extractor/linuxkernel/bzImage_gzip');
    if (!f) return t.skip('corpus missing');
    const payload = readFileSync(f).subarray(17001);
    const r = decodeGzip(payload, 1 << 28);
    assert.equal(r.data.subarray(0, 4).toString('latin1'), '\x7fELF');
    assert.ok(r.data.equals(tool('gzip', ['-dc'], payload.subarray(0, r.consumed))));
  });
});
