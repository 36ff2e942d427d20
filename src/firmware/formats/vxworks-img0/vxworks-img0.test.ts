import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource, FileSource } from '../../source/index.js';
import type { ByteSource, Unpacked } from '../../types.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { vxworksImg0 } from './index.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}
const at = (src: FileSource, offset: number): ByteSource => src.slice(offset, src.size - offset);

// binwalk 2.3.4 on wr.fw: "IMG0 (VxWorks) header, size: 1539104" at 20 and "size: 1276832" at 262292, LZMA at
// 262420 (= 262292 + 128) and "Wind River management filesystem, compressed, 185 files" at 1236084.
test('vxworks-img0: the two IMG0 headers of corpus wr.fw and their sections', async (t) => {
  const file = corpusFile('fact_extractor/tpl/wr.fw');
  if (!file) return t.skip('corpus not present');
  const src = new FileSource(file);
  const outer = at(src, 20);
  assert.equal(vxworksImg0.probe(outer)?.length, 1539104);
  const ctx = testContext();
  const [whole, ...none] = blobs(await vxworksImg0.unpack(outer, ctx));
  assert.deepEqual(ctx.warnings, []);
  assert.equal(none.length, 0);
  assert.deepEqual([20 + whole!.offset!, whole!.source.size], [148, 1539104 - 128]);
  // The nested IMG0 lies 256 KiB into the outer section.
  assert.equal(whole!.source.read(262292 - 148, 4).toString('latin1'), 'IMG0');

  const inner = at(src, 262292);
  assert.equal(vxworksImg0.probe(inner)?.length, 1276832);
  const sections = blobs(await vxworksImg0.unpack(inner, testContext()));
  assert.deepEqual(sections.map((s) => [262292 + s.offset!, s.source.size]), [[262420, 973653], [1236084, 297472], [1533556, 5568]]);
  assert.deepEqual([...sections[0]!.source.read(0, 5)], [0x6e, 0, 0, 0x80, 0]); // LZMA props 0x6E, dict 8 MiB
  assert.equal(sections[1]!.source.read(0, 4).toString('latin1'), 'owow');
  assert.equal(262292 + 1276832, src.size);
});

test('vxworks-img0: hostile section tables are FormatErrors; truncation is a warning', async () => {
  const img = Buffer.alloc(0x100);
  img.write('IMG0', 0, 'latin1');
  img.writeUInt32BE(0x100, 4);
  img.writeUInt32BE(0x80, 0x40);
  img.writeUInt32BE(0x80, 0x44);
  assert.deepEqual(blobs(await vxworksImg0.unpack(new BufferSource(img, 'ok'), testContext())).map((b) => b.source.size), [0x80]);
  const outside = Buffer.from(img);
  outside.writeUInt32BE(0x1000, 0x44);
  await assert.rejects(vxworksImg0.unpack(new BufferSource(outside, 'o'), testContext()), /outside the 256-byte image/);
  const inHeader = Buffer.from(img);
  inHeader.writeUInt32BE(0x10, 0x40);
  assert.equal(vxworksImg0.probe(new BufferSource(inHeader, 'h')), null);
  const empty = Buffer.from(img);
  empty.fill(0, 0x40, 0x48);
  assert.equal(vxworksImg0.probe(new BufferSource(empty, 'e')), null);
  const ctx = testContext();
  const short = blobs(await vxworksImg0.unpack(new BufferSource(img.subarray(0, 0xc0), 'short'), ctx));
  assert.equal(short[0]!.source.size, 0x40);
  assert.match(ctx.warnings.join('\n'), /truncated/);
});
