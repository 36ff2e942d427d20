import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BufferSource, FileSource } from '../../source/index.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { tempDir, tool } from '../../../test-support/tools.js';
import { sevenZip } from './index.js';

// binwalk 2.3.4 on test.ros: "7-zip archive data, version 0.2" at 456089; the LANCOM table gives the part
// holding it 418367 bytes, which must be the archive's own length.
test('seven-zip: the archive inside corpus test.ros is measured exactly and its end header CRC verifies', async (t) => {
  const file = corpusFile('fact_extractor/ros/test.ros');
  if (!file) return t.skip('corpus not present');
  const all = new FileSource(file);
  const src = all.slice(456089, all.size - 456089);
  assert.equal(sevenZip.probe(src)?.description, '7-zip archive v0.2, 418367 bytes (contents not extracted)');
  const ctx = testContext();
  const out = await sevenZip.unpack(src, ctx);
  assert.equal(out.length, 418367);
  assert.deepEqual(ctx.warnings, ['7z: archive contents are not extracted (opaque layer)']);
});

test('seven-zip: an archive made by 7z has the length of the file', (t) => {
  if (!hasTool('7z')) return t.skip('7z (p7zip-full) not installed');
  const { dir, cleanup } = tempDir('7z');
  t.after(cleanup);
  writeFileSync(join(dir, 'a.txt'), 'hello 7z\n'.repeat(100));
  tool('7z', ['a', '-bd', join(dir, 'a.7z'), join(dir, 'a.txt')]);
  const src = new FileSource(join(dir, 'a.7z'));
  assert.equal(sevenZip.probe(src)?.length, src.size);
});

test('seven-zip: bad start-header CRC or truncation', async () => {
  const head = Buffer.alloc(32);
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]).copy(head);
  assert.equal(sevenZip.probe(new BufferSource(head, 'bad crc')), null);
  await assert.rejects(sevenZip.unpack(new BufferSource(head, 'bad crc'), testContext()), /start header CRC/);
});
