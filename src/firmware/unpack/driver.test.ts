import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { newc, randomBytes, storedZip, ustar } from '../../test-support/archives.js';
import { corpusFile } from '../../test-support/corpus.js';
import { hangingPlugin, misbehavingPlugin, spinningPlugin } from '../../test-support/plugins.js';
import { tempDir } from '../../test-support/trees.js';
import { FORMATS } from '../formats/registry.js';
import type { FirmwareEvidence, LayerRecord } from '../types.js';
import { unpackImage, type UnpackOptions } from './index.js';

async function unpackBytes(bytes: Buffer, options: UnpackOptions = {}): Promise<FirmwareEvidence> {
  const tmp = tempDir();
  try {
    const path = join(tmp.dir, 'image.bin');
    writeFileSync(path, bytes);
    return await unpackImage(path, options);
  } finally {
    tmp.cleanup();
  }
}

const brief = (l: LayerRecord) => ({ id: l.id, offset: l.offset, length: l.length, carved: l.carved, error: l.error?.code });

const TAR = ustar([{ name: 'etc/', type: 'dir' }, { name: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' }]);
const ZIP = storedZip([{ name: 'readme.txt', data: 'zip member' }]);
const CPIO = newc([{ name: 'init', data: '#!/bin/sh\n', mode: 0o755 }]);

test('a raw dump is carved: each archive at its offset, unknown regions between them with their entropy', async () => {
  const parts = [randomBytes(0x10000, 7), TAR, randomBytes(0x3000, 8), ZIP, Buffer.alloc(0x2000, 0xff), CPIO, randomBytes(0x1234, 9)];
  const offsets = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.length, 0));
  const ev = await unpackBytes(Buffer.concat(parts));
  assert.deepEqual(ev.log.layers.map(brief), [
    { id: `0x${offsets[1]!.toString(16)}-tar`, offset: offsets[1], length: TAR.length, carved: true, error: undefined },
    { id: `0x${offsets[3]!.toString(16)}-zip`, offset: offsets[3], length: ZIP.length, carved: true, error: undefined },
    { id: `0x${offsets[5]!.toString(16)}-cpio`, offset: offsets[5], length: CPIO.length, carved: true, error: undefined },
  ]);
  // The 0xff run is erased flash (padding), not an unknown region; the random ones are, with entropy near 8.
  assert.deepEqual(ev.log.unknown.map((u) => [u.offset, u.length]), [[0, 0x10000], [offsets[2], 0x3000], [offsets[6], 0x1234]]);
  for (const u of ev.log.unknown) assert.ok(u.entropy > 7.5, `entropy ${u.entropy}`);
  assert.deepEqual(ev.filesystems.map((f) => f.layer), ev.log.layers.map((l) => l.id));
  assert.equal((await ev.filesystems[2]!.readFile('/init'))?.toString(), '#!/bin/sh\n');
});

test('an image that is one archive is identified whole; trailing data is carved and reported', async () => {
  const ev = await unpackBytes(Buffer.concat([TAR, Buffer.from('trailing vendor signature block')]));
  assert.deepEqual(ev.log.layers.map(brief), [{ id: '0x0-tar', offset: 0, length: TAR.length, carved: false, error: undefined }]);
  assert.deepEqual(ev.log.unknown.map((u) => [u.layer, u.offset, u.length]), [[null, TAR.length, 31]]);
});

test('compressed layers are recursed into and what nobody recognises is kept as a blob', async () => {
  const ev = await unpackBytes(Buffer.concat([Buffer.alloc(64, 0x20), deflateSync(TAR), deflateSync(Buffer.from('plain kernel text'))]));
  assert.deepEqual(ev.log.layers.map((l) => [l.id, l.parent, l.depth, l.carved]), [
    ['0x40-zlib', null, 0, true],
    ['0x40-zlib/0x0-tar', '0x40-zlib', 1, false],
    [ev.log.layers[2]!.id, null, 0, true],
  ]);
  assert.equal(ev.log.layers[0]!.produced.blobs, 1);
  assert.equal(ev.log.layers[1]!.produced.entries, 2);
  const leaf = ev.filesystems.find((f) => f.layer === ev.log.layers[2]!.id);
  assert.equal((await leaf?.readFile('/data'))?.toString(), 'plain kernel text');
});

test('the FACT zlib carving sample yields its zlib stream; the fake tar and fake xz yield nothing', { skip: !corpusFile('fact_extractor/generic_carver/zlib_carving_test') && 'corpus not present' }, async () => {
  const zlibSample = corpusFile('fact_extractor/generic_carver/zlib_carving_test')!;
  const ev = await unpackImage(zlibSample);
  // Four streams, as python's zlib finds them (binwalk 2.3.4 misses the last one, whose header is 78 01).
  assert.deepEqual(ev.log.layers.map((l) => [l.offset, l.length, l.produced.bytes]), [[0x80, 84, 102], [0x154, 102, 146], [0x23a, 103, 143], [0x321, 75, 77]]);
  assert.match((await ev.filesystems[0]!.readFile('/data'))?.toString() ?? '', /^This is the first test file/);
  assert.deepEqual(ev.log.unknown.filter((u) => u.layer === null).map((u) => u.offset), [0, 0x80 + 84, 0x154 + 102, 0x23a + 103, 0x321 + 75]);
  // The fake tar has no valid header checksum: nobody claims it.
  const fakeTar = await unpackImage(corpusFile('fact_extractor/generic_carver/fake_tar.tar')!);
  assert.deepEqual(fakeTar.log.layers, []);
  assert.deepEqual(fakeTar.filesystems, []);
  assert.equal(fakeTar.log.unknown.length, 1);
  // The fake xz is a valid xz stream header (its CRC matches) cut off after 30 bytes: it is reported as a
  // malformed xz layer that produced nothing, and its bytes stay an unknown region (never silently passed).
  const fakeXz = await unpackImage(corpusFile('fact_extractor/generic_carver/fake_xz.xz')!);
  assert.deepEqual(fakeXz.log.layers.map((l) => [l.format, l.error?.code, l.produced]), [['xz', 'ERR_FORMAT_INVALID', { entries: 0, bytes: 0, blobs: 0 }]]);
  assert.deepEqual(fakeXz.filesystems, []);
  assert.deepEqual(fakeXz.log.unknown.map((u) => [u.offset, u.length]), [[0, 30]]);
});

test('concatenated cpio archives (initramfs style) become one layer each', async () => {
  const second = newc([{ name: 'lib/firmware.bin', data: 'fw' }]);
  const ev = await unpackBytes(Buffer.concat([CPIO, second]));
  assert.deepEqual(ev.log.layers.map(brief), [
    { id: '0x0-cpio', offset: 0, length: CPIO.length, carved: false, error: undefined },
    { id: `0x${CPIO.length.toString(16)}-cpio`, offset: CPIO.length, length: second.length, carved: true, error: undefined },
  ]);
});

test('a limit stops that layer with ERR_UNPACK_LIMIT and the rest of the image is still unpacked', async () => {
  const many = ustar(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
  const ev = await unpackBytes(Buffer.concat([many, randomBytes(100, 3), ZIP]), { limits: { maxEntries: 3 } });
  assert.deepEqual(ev.log.layers.map((l) => [l.format, l.error?.code]), [['tar', 'ERR_UNPACK_LIMIT'], ['zip', undefined]]);
  assert.deepEqual(ev.filesystems.map((f) => f.layer), [ev.log.layers[1]!.id]);

  const bomb = deflateSync(Buffer.alloc(4 * 1024 * 1024));
  const ratio = await unpackBytes(Buffer.concat([bomb, randomBytes(64, 4), TAR]), { limits: { maxRatio: 100 } });
  assert.deepEqual(ratio.log.layers.map((l) => [l.format, l.error?.code]), [['zlib', 'ERR_UNPACK_LIMIT'], ['tar', undefined]]);

  const total = await unpackBytes(Buffer.concat([ZIP, randomBytes(64, 5), ZIP]), { limits: { maxTotalBytes: 15 } });
  assert.deepEqual(total.log.layers.map((l) => [l.format, l.error?.code]), [['zip', undefined], ['zip', 'ERR_UNPACK_LIMIT']]);
});

test('nesting deeper than the depth limit is recorded, not unpacked, and the blob is kept', async () => {
  const nested = deflateSync(deflateSync(deflateSync(TAR)));
  const ev = await unpackBytes(nested, { limits: { maxDepth: 1 } });
  assert.deepEqual(ev.log.layers.map((l) => [l.id, l.depth, l.error?.code]), [
    ['0x0-zlib', 0, undefined],
    ['0x0-zlib/0x0-zlib', 1, undefined],
    ['0x0-zlib/0x0-zlib/0x0-zlib', 2, 'ERR_UNPACK_LIMIT'],
  ]);
  assert.equal(ev.filesystems.length, 1, 'the unexamined blob is kept as a file');
});

test('a plug-in that hangs or spins is stopped by the layer timeout; the driver goes on', async () => {
  const formats = [hangingPlugin, spinningPlugin, ...FORMATS];
  const ev = await unpackBytes(Buffer.concat([Buffer.from('HANG!'), randomBytes(50, 6), Buffer.from('SPIN!'), randomBytes(50, 7), TAR]), { formats, limits: { layerTimeoutMs: 50 } });
  assert.deepEqual(ev.log.layers.map((l) => [l.format, l.error?.code]), [['test-hang', 'ERR_UNPACK_LIMIT'], ['test-spin', 'ERR_UNPACK_LIMIT'], ['tar', undefined]]);
  assert.match(ev.log.layers[0]!.error!.message, /took longer than the 50 ms/);
});

test('plug-in bugs and malformed layers become error entries, never crashes', async () => {
  const formats = [misbehavingPlugin, ...FORMATS];
  const filler = (seed: number) => randomBytes(40, seed);
  const ev = await unpackBytes(Buffer.concat([Buffer.from('BOOM!'), filler(1), Buffer.from('BAD!!'), filler(2), Buffer.from('JUNK!'), filler(3), Buffer.from('PROBE'), filler(4), TAR]), { formats });
  assert.deepEqual(ev.log.layers.map((l) => [l.format, l.error?.code]), [
    ['test-bad', 'ERR_INTERNAL'], ['test-bad', 'ERR_FORMAT_INVALID'], ['test-bad', 'ERR_INTERNAL'], ['tar', undefined],
  ]);
  assert.match(ev.log.layers[0]!.error!.message, /TypeError/);
});

test('--deep unpacks archives found inside files of a tree as child layers', async () => {
  const inner = ustar([{ name: 'control', data: 'Package: demo\n' }]);
  const outer = ustar([
    { name: 'usr/lib/opkg/demo.ipk', data: deflateSync(inner) },
    { name: 'boot/initramfs.cpio', data: CPIO },
    { name: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' },
  ]);
  const shallow = await unpackBytes(outer);
  assert.equal(shallow.log.layers.length, 1);
  const deep = await unpackBytes(outer, { deep: true });
  assert.deepEqual(deep.log.layers.map((l) => [l.id, l.parent, l.depth]), [
    ['0x0-tar', null, 0],
    ['0x0-tar/boot/initramfs.cpio@0x0-cpio', '0x0-tar', 1],
    ['0x0-tar/usr/lib/opkg/demo.ipk@0x0-zlib', '0x0-tar', 1],
    ['0x0-tar/usr/lib/opkg/demo.ipk@0x0-zlib/0x0-tar', '0x0-tar/usr/lib/opkg/demo.ipk@0x0-zlib', 2],
  ]);
  const control = deep.filesystems.find((f) => f.layer.endsWith('/0x0-tar') && f.layer !== '0x0-tar');
  assert.equal((await control?.readFile('/control'))?.toString(), 'Package: demo\n');
});

test('cancellation rejects with the reason; a missing image is ERR_INPUT_NOT_FOUND', async () => {
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(unpackBytes(TAR, { signal: controller.signal }), /stop/);
  await assert.rejects(unpackImage('/nonexistent/image.bin'), { code: 'ERR_INPUT_NOT_FOUND' });
});

test('a multi-megabyte dump is carved in windows: archives across window edges are found', async () => {
  const window = 4 * 1024 * 1024;
  // The tar's "ustar" magic (at 257) lies in the second window while the archive starts in the first.
  const before = randomBytes(window - 100, 11);
  const ev = await unpackBytes(Buffer.concat([before, TAR, randomBytes(window, 12), ZIP, randomBytes(1000, 13)]));
  assert.deepEqual(ev.log.layers.map((l) => [l.format, l.offset]), [['tar', window - 100], ['zip', window - 100 + TAR.length + window]]);
  assert.equal(ev.log.unknown.length, 3);
});
