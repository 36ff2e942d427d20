import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource, FileSource } from '../../source/index.js';
import type { Unpacked } from '../../types.js';
import { binwalkFacts } from '../../../test-support/binwalk-facts.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { windRiverMfs } from './index.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}

const MFS_AT = 1236084;

test('wind-river-mfs: the web filesystem of corpus wr.fw: 185 files, each at an LZMA offset binwalk lists', async (t) => {
  const file = corpusFile('fact_extractor/tpl/wr.fw');
  if (!file) return t.skip('corpus not present');
  const all = new FileSource(file);
  const src = all.slice(MFS_AT, all.size - MFS_AT);
  assert.equal(windRiverMfs.probe(src)?.description, 'Wind River management filesystem, compressed, 185 files'); // binwalk's words
  const ctx = testContext();
  const out = await windRiverMfs.unpack(src, ctx);
  assert.deepEqual(ctx.warnings, []);
  assert.equal(out.length, 297472); // the IMG0 section that holds it
  const files = blobs(out);
  assert.equal(files.length, 185);
  assert.equal(files[0]!.name, '/common.js');
  const lzmaAfter = binwalkFacts('wr.fw').filter((f) => f.offset > MFS_AT && f.kind === 'lzma').map((f) => f.offset);
  assert.deepEqual(files.map((f) => MFS_AT + f.offset!), lzmaAfter);
  for (const f of files) assert.equal(f.source.read(0, 1)[0], 0x5a); // binwalk: "properties: 0x5A"
});

test('wind-river-mfs: hostile tables are FormatErrors', async () => {
  const head = Buffer.alloc(44 + 48 + 4);
  head.write('ow'.repeat(16), 0, 'latin1');
  head.writeUInt32BE(1, 32);
  head.writeUInt32BE(1, 36);
  head.write('../../etc/passwd', 44, 'latin1');
  head.writeUInt32BE(4, 44 + 40);
  head.writeUInt32BE(92, 44 + 44);
  const ctx = testContext();
  const [only] = blobs(await windRiverMfs.unpack(new BufferSource(head, 'ok'), ctx));
  assert.equal(only!.name, '/etc/passwd');
  assert.match(ctx.warnings[0]!, /climbs above the root/);
  const tooMany = Buffer.from(head);
  tooMany.writeUInt32BE(0xffffffff, 36);
  await assert.rejects(windRiverMfs.unpack(new BufferSource(tooMany, 'many'), testContext()), /file count/);
  const outside = Buffer.from(head);
  outside.writeUInt32BE(0x7fffffff, 44 + 44);
  assert.equal(windRiverMfs.probe(new BufferSource(outside, 'outside')), null);
});
