import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource, FileSource } from '../../source/index.js';
import type { Unpacked } from '../../types.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { lancom } from './index.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}

// binwalk 2.3.4 on test.ros: LZMA at 272 (545923 bytes uncompressed), 105479 (1448311), 874488 (27900),
// 883088 (9586784) and "7-zip archive data, version 0.2" at 456089.
test('lancom: corpus test.ros parts land on the LZMA streams and the 7-zip archive binwalk finds', async (t) => {
  const file = corpusFile('fact_extractor/ros/test.ros');
  if (!file) return t.skip('corpus not present');
  const src = new FileSource(file);
  assert.equal(lancom.probe(src)?.description, 'LANCOM firmware (RNTP1.01), parts CLI_FILE, DELSCRF, EWS_FILE, UPNP_FILE, DATETIME_C, RSCODE');
  const ctx = testContext();
  const out = await lancom.unpack(src, ctx);
  assert.deepEqual(ctx.warnings, []);
  assert.equal(out.length, src.size);
  const parts = blobs(out);
  assert.deepEqual(parts.map((p) => [p.name, p.offset]), [['CLI_FILE', 272], ['DELSCRF', 105479], ['EWS_FILE', 456089], ['UPNP_FILE', 874488], ['DATETIME_C', 882895], ['RSCODE', 883088]]);
  assert.match(parts[0]!.description!, /545923 bytes uncompressed/);
  assert.match(parts[1]!.description!, /1448311 bytes uncompressed/);
  assert.match(parts[3]!.description!, /27900 bytes uncompressed/);
  assert.match(parts[5]!.description!, /9586784 bytes uncompressed/);
  assert.equal(parts[2]!.source.read(0, 2).toString('latin1'), '7z');
  for (const i of [0, 1, 3, 5]) assert.equal(parts[i]!.source.read(0, 1)[0], 0x5d);
  // The parts tile the file: each ends where the next begins.
  assert.equal(parts.at(-1)!.offset! + parts.at(-1)!.source.size, src.size);
});

test('lancom: hostile part tables are FormatErrors', async () => {
  const img = Buffer.alloc(0x30 + 0x20 + 8);
  img.write('RNTP1.01', 0, 'latin1');
  img.write('PACK', 0x18, 'latin1');
  img.writeUInt32LE(1, 0x20);
  img.write('PART', 0x30, 'latin1');
  img.writeUInt32LE(0x50, 0x40);
  img.writeUInt32LE(8, 0x44);
  assert.equal(blobs(await lancom.unpack(new BufferSource(img, 'ok'), testContext()))[0]!.source.size, 8);
  const outside = Buffer.from(img);
  outside.writeUInt32LE(0xffff, 0x44);
  await assert.rejects(lancom.unpack(new BufferSource(outside, 'o'), testContext()), /outside the source/);
  const many = Buffer.from(img);
  many.writeUInt32LE(1 << 30, 0x20);
  assert.equal(lancom.probe(new BufferSource(many, 'm')), null);
});
