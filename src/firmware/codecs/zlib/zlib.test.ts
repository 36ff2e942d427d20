import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { decompress } from '../index.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { assertFormatError, corrupt, samples, textBytes } from '../../../test-support/codec-data.js';
import { decodeZlib } from './codec.js';

const MAX = 64 << 20;

describe('zlib codec', () => {
  for (const [name, data] of Object.entries(samples())) {
    it(`round-trips ${name} compressed by zlib itself`, () => {
      assert.ok(decompress('zlib', deflateSync(data), { maxOutput: MAX }).equals(data));
    });
  }

  it('reports the bytes the stream used, ignoring what follows', () => {
    const z = deflateSync(textBytes(10_000));
    const r = decodeZlib(Buffer.concat([z, Buffer.from('next')]), MAX);
    assert.equal(r.consumed, z.length);
  });

  it('fails cleanly on truncation, a bad Adler-32 and output over the cap', () => {
    const z = deflateSync(textBytes(50_000));
    assertFormatError(() => decompress('zlib', z.subarray(0, z.length >> 1), { maxOutput: MAX }));
    assertFormatError(() => decompress('zlib', corrupt(z, z.length - 1), { maxOutput: MAX }));
    assertFormatError(() => decompress('zlib', deflateSync(Buffer.alloc(4 << 20)), { maxOutput: 1 << 20 }), /cap/);
  });

  it('decodes the zlib stream carved from generic_carver/zlib_carving_test', (t) => {
    const f = corpusFile('fact_extractor/generic_carver/zlib_carving_test');
    if (!f) return t.skip('corpus missing');
    const bytes = readFileSync(f);
    const at = bytes.indexOf(Buffer.from([0x78, 0x9c]));
    assert.ok(at >= 0);
    const r = decodeZlib(bytes.subarray(at), MAX);
    assert.ok(r.data.length > 0);
    assert.ok(at + r.consumed <= bytes.length);
  });
});
