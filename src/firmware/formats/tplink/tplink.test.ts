import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BufferSource, FileSource } from '../../source/index.js';
import type { ByteSource, Unpacked } from '../../types.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { parseTpLinkHeader } from './header.js';
import { tplink } from './index.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}
const at = (file: string, offset: number): ByteSource => {
  const src = new FileSource(file);
  return src.slice(offset, src.size - offset);
};

// binwalk 2.3.4 decodes this header with its fields shifted by one word after md5sum2 ("kernel offset:
// 4063744" is the total length, "kernel length: 512" the kernel offset...). The layout used here is the one
// whose offsets land on what binwalk finds: the bootloader's uImage at 15488 and, in the inner image at 131584,
// the LZMA kernel at 132096 (+0x200) and the squashfs at 1180160 (+0x100000).
test('tplink: corpus test.tpl, a bootloader-bundled image with an inner firmware at 0x20200', async (t) => {
  const file = corpusFile('fact_extractor/tpl/test.tpl');
  if (!file) return t.skip('corpus not present');
  const outer = new FileSource(file);
  const h = parseTpLinkHeader(outer);
  assert.equal(h.fwLength, 4063744);
  assert.equal(h.kernelLoad, 0x80002000);
  assert.deepEqual([h.kernel, h.rootfs, h.boot], [{ offset: 512, length: 892442 }, { offset: 0x100000, length: 4096 }, { offset: 0, length: 48396 }]);
  const ctx = testContext();
  const out = await tplink.unpack(outer, ctx);
  assert.deepEqual(ctx.warnings, []); // MD5 verifies with the bootloader salt
  const [boot, inner] = blobs(out);
  assert.deepEqual([boot!.name, boot!.offset, boot!.source.size], ['bootloader', 512, 48396]);
  // binwalk: uImage header at 15488 and the bootloader ends with its data at 15488 + 64 + 33356.
  assert.equal(boot!.source.read(15488 - 512, 4).readUInt32BE(0), 0x27051956);
  assert.equal(512 + 48396, 15488 + 64 + 33356);
  assert.deepEqual([inner!.name, inner!.offset, inner!.source.size], ['firmware', 131584, 3932160]);

  const innerCtx = testContext();
  const parts = blobs(await tplink.unpack(inner!.source, innerCtx));
  assert.deepEqual(innerCtx.warnings, []); // MD5 verifies with the normal salt
  assert.deepEqual(parts.map((p) => [p.name, 131584 + p.offset!, p.source.size]), [['kernel', 132096, 892442], ['rootfs', 1180160, 4096]]);
  assert.equal(parts[0]!.source.read(0, 1)[0], 0x5d); // LZMA properties byte binwalk reports
  assert.equal(parts[1]!.source.read(0, 4).toString('latin1'), 'hsqs');
});

test('tplink: corpus uboot.image_with_header, the TP-Link header binwalk finds at 116144 (truncated image)', async (t) => {
  const file = corpusFile('fact_extractor/uboot/uboot.image_with_header');
  if (!file) return t.skip('corpus not present');
  const src = at(file, 116144);
  assert.match(tplink.probe(src)!.description, /release 3\.16\.12, .*8126464 bytes, kernel 934734 bytes at 0x200 \(load 0x80002000, entry 0x801ea720\)/);
  const ctx = testContext();
  const [kernel, ...rest] = blobs(await tplink.unpack(src, ctx));
  assert.equal(rest.length, 0);
  assert.equal(116144 + kernel!.offset!, 116656); // binwalk: LZMA compressed data at 116656
  assert.deepEqual(ctx.warnings, [
    'TP-Link: image truncated, header says 8126464 bytes, 211673 present; MD5 not checked',
    'TP-Link: kernel truncated, 211161 of 934734 bytes present',
    'TP-Link: rootfs at 1048576 is outside the 211673 bytes present',
  ]);
});

/** A v1 image with a valid MD5 (normal salt), built from the format's description. */
function build(kernel: Buffer, rootfs: Buffer): Buffer {
  const img = Buffer.alloc(0x200 + kernel.length + rootfs.length);
  img.writeUInt32BE(0x01000000, 0);
  img.write('TP-LINK Technologies', 4, 'latin1');
  img.write('ver. 1.0', 28, 'latin1');
  img.writeUInt32BE(img.length, 0x7c);
  [0x200, kernel.length, 0x200 + kernel.length, rootfs.length].forEach((v, i) => img.writeUInt32BE(v, 0x80 + i * 4));
  kernel.copy(img, 0x200);
  rootfs.copy(img, 0x200 + kernel.length);
  Buffer.from('dcd73aa5c39598fbddf9e7f40eae4738', 'hex').copy(img, 0x4c);
  createHash('md5').update(img).digest().copy(img, 0x4c);
  return img;
}

test('tplink: kernel and rootfs regions; MD5 mismatch is a warning; hostile offsets are contained', async () => {
  const img = build(Buffer.from('KERNEL'), Buffer.from('ROOTFS!'));
  const ctx = testContext();
  const out = blobs(await tplink.unpack(new BufferSource(img, 'ok'), ctx));
  assert.deepEqual(ctx.warnings, []);
  assert.deepEqual(out.map((b) => b.source.read(0, b.source.size).toString()), ['KERNEL', 'ROOTFS!']);
  const tampered = Buffer.from(img);
  tampered.write('X', 0x200, 'latin1');
  const bad = testContext();
  await tplink.unpack(new BufferSource(tampered, 'bad'), bad);
  assert.match(bad.warnings[0]!, /MD5 mismatch/);
  const hostile = Buffer.from(img);
  hostile.writeUInt32BE(0x10, 0x80); // kernel inside the header
  hostile.writeUInt32BE(0xffffffff, 0x8c); // rootfs longer than anything
  const h = testContext();
  const parts = blobs(await tplink.unpack(new BufferSource(hostile, 'hostile'), h));
  assert.deepEqual(parts.map((p) => p.name), ['rootfs']);
  assert.match(h.warnings.join('\n'), /kernel at 16 is outside/);
  assert.equal(tplink.probe(new BufferSource(Buffer.alloc(600), 'zeros')), null);
});
