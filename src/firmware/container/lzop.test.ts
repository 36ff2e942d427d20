import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasCodec } from '../codecs/index.js';
import { BufferSource } from '../source/index.js';
import { hasTool } from '../../test-support/corpus.js';
import { testContext } from '../../test-support/format-context.js';
import { tempDir, tool } from '../../test-support/tools.js';
import { adler32, lzopDecompress } from './lzop.js';
import { payloadBlob } from './payload.js';

test('lzop: Adler-32 reference values (RFC 1950)', () => {
  assert.equal(adler32(Buffer.from('Wikipedia')), 0x11e60398);
  assert.equal(adler32(Buffer.alloc(0)), 1);
  // 100,000 bytes of 0xff, by the per-byte textbook definition: exercises the deferred modulo.
  assert.equal(adler32(Buffer.alloc(100_000, 0xff)), 345649196);
});

test('lzop: files written by lzop decode (stored blocks without a codec, LZO1X blocks with one)', (t) => {
  if (!hasTool('lzop')) return t.skip('lzop not installed');
  const { dir, cleanup } = tempDir('lzop');
  t.after(cleanup);
  // Random bytes do not compress, so lzop stores every block: the container is checked end to end.
  const random = randomBytes(600_000);
  const text = Buffer.from('compressible text, '.repeat(20_000));
  for (const [name, data] of [['random', random], ['text', text]] as const) {
    writeFileSync(join(dir, name), data);
    const packed = Buffer.from(tool('lzop', ['-c', join(dir, name)]), 'latin1');
    if (name === 'random' || hasCodec('lzo1x')) {
      assert.ok(lzopDecompress(packed, 10_000_000).equals(data), name);
      const ctx = testContext();
      const blob = payloadBlob({ name, offset: 0, source: new BufferSource(packed, name), codec: 'lzop', description: name }, ctx);
      assert.deepEqual(ctx.warnings, []);
      assert.equal(blob.source.size, data.length);
    } else {
      assert.throws(() => lzopDecompress(packed, 10_000_000), /lzo1x is not available/);
      const ctx = testContext();
      const blob = payloadBlob({ name, offset: 0, source: new BufferSource(packed, name), codec: 'lzop', description: name }, ctx);
      assert.match(ctx.warnings[0]!, /lzop decompression failed \(codec lzo1x is not available\)/);
      assert.equal(blob.source.size, packed.length);
    }
  }
  const packed = Buffer.from(tool('lzop', ['-c', join(dir, 'random')]), 'latin1');
  const tampered = Buffer.from(packed);
  tampered.writeUInt8(tampered.readUInt8(tampered.length - 100) ^ 1, tampered.length - 100);
  assert.throws(() => lzopDecompress(tampered, 10_000_000), /Adler-32 mismatch/);
  assert.throws(() => lzopDecompress(packed, 1000), /over the 1000-byte cap/);
  assert.throws(() => lzopDecompress(packed.subarray(0, 5000), 10_000_000), { name: 'FormatError' });
});
