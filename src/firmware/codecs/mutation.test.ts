import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FormatError } from '../errors.js';
import { decompress } from './index.js';
import type { CodecId } from './types.js';
import { missing, randomBytes, textBytes, tool } from '../../test-support/codec-data.js';

// Mutated and truncated real streams: every codec must either decode or throw FormatError, within its cap,
// and never crash with another error or hang. Deterministic (a fixed LCG picks the mutations).

const data = Buffer.concat([textBytes(20_000), randomBytes(3000), Buffer.alloc(5000)]);
const CASES: [CodecId, string, string[]][] = [
  ['gzip', 'gzip', ['-c']],
  ['bzip2', 'bzip2', ['-c']],
  ['xz', 'xz', ['-c', '--x86', '--lzma2']],
  ['lzma', 'xz', ['-c', '--format=lzma']],
  ['lzma-raw', 'xz', ['-c', '--format=raw', '--lzma1=preset=1']],
  ['zstd', 'zstd', ['-q', '-c']],
  ['lz4-frame', 'lz4', ['-q', '-c', '-BD']],
  ['lzo1x', 'lzop', ['-c']],
];

describe('codecs on mutated input', () => {
  for (const [codec, cmd, args] of CASES) {
    it(`${codec}: decodes or throws FormatError, never anything else`, { skip: missing(cmd) }, () => {
      const packed = tool(cmd, args, data);
      let x = 7;
      const rnd = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
      for (let i = 0; i < 60; i++) {
        const m = Buffer.from(packed);
        const kind = i % 3;
        if (kind === 0) for (let k = 0; k < 1 + (rnd() % 4); k++) m[rnd() % m.length]! ^= 1 << (rnd() % 8);
        if (kind === 1) m[rnd() % m.length] = rnd() & 0xff;
        const input = kind === 2 ? m.subarray(0, rnd() % m.length) : m;
        try {
          const out = decompress(codec, input, { maxOutput: 1 << 20 });
          assert.ok(out.length <= 1 << 20);
        } catch (error) {
          assert.ok(error instanceof FormatError, `${codec} mutation ${i}: ${String(error)}`);
        }
      }
    });
  }
});
