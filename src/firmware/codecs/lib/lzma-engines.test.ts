import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormatError } from '../../errors.js';
import { decodeXz } from '../xz/codec.js';
import { crc64 } from '../xz/check.js';
import { decodeLzma1 } from './lzma1.js';
import { lzmaEngineKind } from './lzma-factory.js';
import { wasmAvailable, wasmCrc64 } from './lzma-wasm.js';
import { corrupt, missing, randomBytes, repetitiveBytes, textBytes, tool } from '../../../test-support/codec-data.js';
import { hasTool } from '../../../test-support/corpus.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('LZMA symbol decoders: WebAssembly and JS agree', { skip: missing('xz') }, () => {
  it('uses WebAssembly by default on Node', () => {
    assert.ok(wasmAvailable());
    assert.equal(lzmaEngineKind(), 'wasm');
  });

  const inputs = { text: textBytes(300_000), random: randomBytes(100_000), runs: repetitiveBytes(300_000), code: readFileSync(process.execPath).subarray(0, 200_000) };
  for (const [name, data] of Object.entries(inputs)) {
    it(`decode ${name} to the same bytes (xz and raw LZMA1 with odd properties)`, () => {
      const xz = tool('xz', ['-c', '-1'], data);
      for (const engine of ['wasm', 'js'] as const) assert.ok(Buffer.from(decodeXz(xz, { maxOutput: 1 << 24 }, engine).data).equals(data), engine);
      const raw = tool('xz', ['-c', '--format=raw', '--lzma1=preset=1,lc=1,lp=3,pb=4'], data);
      for (const engine of ['wasm', 'js'] as const) {
        const r = decodeLzma1(raw, 0, { lc: 1, lp: 3, pb: 4, size: undefined, maxOutput: 1 << 24, engine });
        assert.equal(r.end, 'marker');
        assert.equal(r.consumed, raw.length);
        assert.ok(Buffer.from(r.data).equals(data), engine);
      }
    });
  }

  it('fail the same way on corrupt data and grow output the same way up to the cap', () => {
    const raw = tool('xz', ['-c', '--format=raw', '--lzma1=preset=1'], textBytes(200_000));
    for (const at of [10, 500, raw.length >> 1]) {
      const outcomes = (['wasm', 'js'] as const).map((engine) => {
        try {
          return Buffer.from(decodeLzma1(corrupt(raw, at), 0, { lc: 3, lp: 0, pb: 2, size: undefined, maxOutput: 1 << 20, engine }).data).toString('base64');
        } catch (error) {
          assert.ok(error instanceof FormatError);
          return error.message;
        }
      });
      assert.equal(outcomes[0], outcomes[1]);
    }
  });

  it('accept caps of 4 GiB and more (the default total limit) without wrapping them to 32 bits', () => {
    const data = textBytes(50_000);
    const raw = tool('xz', ['-c', '--format=raw', '--lzma1=preset=1'], data);
    for (const maxOutput of [2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40]) {
      for (const engine of ['wasm', 'js'] as const) {
        const r = decodeLzma1(raw, 0, { lc: 3, lp: 0, pb: 2, size: undefined, maxOutput, engine });
        assert.ok(Buffer.from(r.data).equals(data), `${engine} ${maxOutput}`);
      }
    }
  });

  it('computes CRC64 in WebAssembly like the JS version', () => {
    const data = textBytes(100_003);
    const xz = tool('xz', ['-c', '--check=crc64'], data);
    assert.ok(decodeXz(xz, { maxOutput: 1 << 20 }, 'wasm').data.equals(data));
    assert.equal(wasmCrc64(data), undefined, 'JS memory is not WebAssembly memory');
    // CRC-64/XZ check value of "123456789" is 0x995DC9BBDF1939FA, stored little-endian.
    assert.equal(crc64(Buffer.from('123456789')).toString('hex'), 'fa3919dfbbc95d99');
  });

  it('ships lzma-binary.ts built from lzma.c (rebuilt when clang is installed)', (t) => {
    if (!hasTool('clang') || !hasTool('wasm-ld')) return t.skip('clang/lld not installed');
    const script = join(here, 'wasm', 'build.sh');
    assert.ok(existsSync(script));
    const before = readFileSync(join(here, 'wasm', 'lzma-binary.ts'), 'utf8');
    execFileSync(script, { stdio: 'ignore' });
    assert.equal(readFileSync(join(here, 'wasm', 'lzma-binary.ts'), 'utf8'), before);
  });
});

describe('WebAssembly memory', { skip: missing('xz') }, () => {
  it('is handed back after a large decode, and later decodes still work', () => {
    const big = Buffer.alloc(80 << 20, 0x61);
    const packed = tool('xz', ['-c', '-0'], big);
    assert.ok(decodeXz(packed, { maxOutput: 1 << 30 }, 'wasm').data.equals(big));
    const small = tool('xz', ['-c', '--format=raw', '--lzma1=preset=1'], Buffer.from('still works'));
    const r = decodeLzma1(small, 0, { lc: 3, lp: 0, pb: 2, size: undefined, maxOutput: 100, engine: 'wasm' });
    assert.equal(Buffer.from(r.data).toString(), 'still works');
    assert.equal(r.consumed, small.length);
  });
});
