import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decompress } from '../index.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { assertFormatError, corrupt, missing, samples, textBytes, tool } from '../../../test-support/codec-data.js';
import { decodeBzip2 } from './codec.js';

const MAX = 64 << 20;

describe('bzip2 codec against bzip2', { skip: missing('bzip2') }, () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`decodes ${name}`, () => {
      const packed = tool('bzip2', ['-c', '-9'], data);
      const r = decodeBzip2(packed, MAX);
      assert.ok(r.data.equals(data));
      assert.equal(r.consumed, packed.length);
    });
  }

  it('decodes small blocks (-1), long runs and concatenated streams; stops before trailing bytes', () => {
    const runs = Buffer.concat([Buffer.alloc(300_000, 0x41), textBytes(150_000), Buffer.alloc(1000, 0x42)]);
    assert.ok(decompress('bzip2', tool('bzip2', ['-c', '-1'], runs), { maxOutput: MAX }).equals(runs));
    const a = tool('bzip2', ['-c'], Buffer.from('first '));
    const b = tool('bzip2', ['-c'], Buffer.from('second'));
    const r = decodeBzip2(Buffer.concat([a, b, Buffer.from('tail')]), MAX);
    assert.equal(r.data.toString(), 'first second');
    assert.equal(r.consumed, a.length + b.length);
  });

  it('fails cleanly on truncation, corruption and output over the cap', () => {
    const packed = tool('bzip2', ['-c'], textBytes(200_000));
    for (const cut of [3, 10, 40, packed.length >> 1, packed.length - 2]) {
      assertFormatError(() => decompress('bzip2', packed.subarray(0, cut), { maxOutput: MAX }));
    }
    for (const at of [3, 4, 12, 60, packed.length >> 1, packed.length - 5]) {
      assertFormatError(() => decompress('bzip2', corrupt(packed, at), { maxOutput: MAX }));
    }
    const bomb = tool('bzip2', ['-c'], Buffer.alloc(16 << 20));
    assertFormatError(() => decompress('bzip2', bomb, { maxOutput: 1 << 20 }), /cap/);
  });

  it('decodes the payload of linuxkernel/bzImage_bzip2 like bzip2 -d', (t) => {
    const f = corpusFile('fact_extractor/linuxkernel/bzImage_bzip2');
    if (!f) return t.skip('corpus missing');
    const payload = readFileSync(f).subarray(17001);
    const r = decodeBzip2(payload, 1 << 28);
    assert.equal(r.data.subarray(0, 4).toString('latin1'), '\x7fELF');
    assert.ok(r.data.equals(tool('bzip2', ['-dc'], payload.subarray(0, r.consumed))));
  });
});
