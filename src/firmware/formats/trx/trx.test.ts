import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { BufferSource, FileSource } from '../../source/index.js';
import type { Unpacked } from '../../types.js';
import { corpusFile } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { trx } from './index.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}

/** A TRX image as OpenWrt's trx tool lays it out, with the Broadcom CRC (complement of CRC-32). */
function build(version: 1 | 2, parts: Buffer[], corruptCrc = false): Buffer {
  const headerSize = version === 1 ? 28 : 32;
  const head = Buffer.alloc(headerSize);
  let at = headerSize;
  parts.forEach((p, i) => {
    head.writeUInt32LE(at, 16 + i * 4);
    at += p.length;
  });
  const img = Buffer.concat([head, ...parts]);
  img.write('HDR0', 0, 'latin1');
  img.writeUInt32LE(img.length, 4);
  img.writeUInt32LE((version << 16) | 0x2, 12);
  img.writeUInt32LE((~crc32(img.subarray(12)) ^ (corruptCrc ? 1 : 0)) >>> 0, 8);
  return img;
}

// binwalk 2.3.4: "TRX firmware header, little endian, image size: 4096 bytes, CRC32: 0xE154686C, flags: 0x0,
// version: 1, header size: 28 bytes, loader offset: 0x1C, linux kernel offset: 0x0, rootfs offset: 0x0",
// then "Zip archive data" at 28.
test('trx: corpus trx.img matches binwalk 2.3.4 and its CRC verifies', async (t) => {
  const file = corpusFile('fact_extractor/trx/trx.img');
  if (!file) return t.skip('corpus not present');
  const src = new FileSource(file);
  assert.equal(trx.probe(src)?.description, 'Broadcom TRX v1, 4096 bytes, flags 0x0, partitions loader-or-kernel@0x1c, kernel-or-rootfs@0x0, rootfs@0x0');
  assert.equal(src.read(8, 4).readUInt32LE(0), 0xe154686c);
  const ctx = testContext();
  const out = await trx.unpack(src, ctx);
  assert.deepEqual(ctx.warnings, []);
  assert.equal(out.length, 4096);
  const [p0, ...rest] = blobs(out);
  assert.equal(rest.length, 0);
  assert.equal(p0!.offset, 28);
  assert.equal(p0!.source.size, 4096 - 28);
  assert.equal(p0!.source.read(0, 4).toString('latin1'), 'PK\x03\x04');
});

test('trx: v1 and v2 partitions split at the offsets; a bad CRC is a warning', async () => {
  const parts = [Buffer.from('loader'), Buffer.from('kernel!!'), Buffer.from('rootfs bytes'), Buffer.from('binhdr')];
  const v1 = build(1, parts.slice(0, 3));
  const ctx = testContext();
  const out1 = blobs(await trx.unpack(new BufferSource(v1, 'v1'), ctx));
  assert.deepEqual(ctx.warnings, []);
  assert.deepEqual(out1.map((b) => b.source.read(0, b.source.size).toString()), ['loader', 'kernel!!', 'rootfs bytes']);
  assert.deepEqual(out1.map((b) => b.offset), [28, 34, 42]);
  const out2 = blobs(await trx.unpack(new BufferSource(build(2, parts), 'v2'), testContext()));
  assert.deepEqual(out2.map((b) => b.name), ['partition-0', 'partition-1', 'partition-2', 'partition-3']);
  assert.equal(out2[3]!.source.read(0, 6).toString(), 'binhdr');
  const bad = testContext();
  await trx.unpack(new BufferSource(build(1, parts.slice(0, 3), true), 'bad'), bad);
  assert.match(bad.warnings[0]!, /CRC mismatch/);
});

test('trx: hostile headers are rejected', async () => {
  const img = build(1, [Buffer.from('x')]);
  const offsetOut = Buffer.from(img);
  offsetOut.writeUInt32LE(0x10000, 16);
  await assert.rejects(trx.unpack(new BufferSource(offsetOut, 'o'), testContext()), /outside the image/);
  const badVersion = Buffer.from(img);
  badVersion.writeUInt32LE(7 << 16, 12);
  assert.equal(trx.probe(new BufferSource(badVersion, 'v')), null);
  const truncated = testContext();
  const long = Buffer.from(img);
  long.writeUInt32LE(1 << 20, 4);
  await trx.unpack(new BufferSource(long, 't'), truncated);
  assert.match(truncated.warnings[0]!, /truncated/);
});
