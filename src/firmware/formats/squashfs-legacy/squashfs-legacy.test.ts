import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { FileSource } from '../../source/index.js';
import type { Vfs } from '../../types.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import { ourHashes, ourListing, referenceHashes, referenceListing, testContext } from '../../../test-support/squashfs-reference.js';
import { squashfs } from '../squashfs/index.js';
import { BitFields } from './bits.js';
import { squashfsLegacy } from './index.js';

const opened: FileSource[] = [];
test.after(() => opened.forEach((s) => s.close()));

/** Unpacks and reads every file; undefined (after t.skip) when the image's codec has not landed yet. */
async function unpack(t: TestContext, image: string, readContent = true): Promise<Vfs | undefined> {
  const src = new FileSource(image);
  opened.push(src);
  try {
    const result = await squashfsLegacy.unpack(src, testContext());
    assert.equal(result.kind, 'tree');
    if (result.kind !== 'tree') return undefined;
    if (readContent) await ourHashes(result.vfs);
    return result.vfs;
  } catch (error) {
    const missing = /codec (\S+) is not available/.exec((error as Error).message);
    if (!missing) throw error;
    t.skip(`the ${missing[1]} codec is not available yet (src/firmware/codecs)`);
    return undefined;
  }
}

for (const name of ['zlib_le.sqfs3', 'zlib_be.sqfs3']) {
  test(`corpus ${name}: listing and contents equal unsquashfs`, async (t) => {
    const image = corpusFile(`fact_extractor/squashFS/${name}`);
    if (!image) return t.skip('corpus not present');
    if (!hasTool('unsquashfs')) return t.skip('unsquashfs not installed');
    const vfs = await unpack(t, image);
    if (!vfs) return;
    assert.deepEqual(ourListing(vfs), referenceListing(image));
    assert.deepEqual(new Map([...(await ourHashes(vfs))].sort()), new Map([...referenceHashes(image)].sort()));
  });
}

// unsquashfs cannot read these vendor-LZMA images; they hold the same tree as zlib_le.sqfs3.
for (const name of ['lzma1_le.sqfs3', 'lzma1_be.sqfs3', 'lzma_le.sqfs2', 'lzma_be.sqfs2']) {
  test(`corpus ${name} (vendor LZMA, unsquashfs fails): same tree as the zlib 3.1 image`, async (t) => {
    const image = corpusFile(`fact_extractor/squashFS/${name}`);
    const twin = corpusFile('fact_extractor/squashFS/zlib_le.sqfs3');
    if (!image || !twin) return t.skip('corpus not present');
    if (!hasTool('unsquashfs')) return t.skip('unsquashfs not installed');
    assert.match(squashfsLegacy.probe(new FileSource(image))?.description ?? '', /vendor LZMA/);
    const vfs = await unpack(t, image);
    if (!vfs) return;
    assert.deepEqual(ourListing(vfs), referenceListing(twin));
    assert.deepEqual(new Map([...(await ourHashes(vfs))].sort()), new Map([...referenceHashes(twin)].sort()));
  });
}

test('binwalk squashfs_v2.bin (2.0 big-endian router rootfs): listing equals unsquashfs, contents are plausible', async (t) => {
  const image = corpusFile('binwalk/squashfs_v2.bin');
  if (!image) return t.skip('corpus not present');
  if (!hasTool('unsquashfs')) return t.skip('unsquashfs not installed');
  assert.match(squashfsLegacy.probe(new FileSource(image))?.description ?? '', /squashfs 2\.0 big-endian, 431 inodes/);
  assert.equal(squashfs.probe(new FileSource(image)), null);
  // Its metadata is stored uncompressed, so the listing needs no codec.
  const listed = await unpack(t, image, false);
  assert.deepEqual(ourListing(listed!), referenceListing(image));
  assert.equal(listed!.get('/etc/passwd')?.target, '/var/passwd');
  const vfs = await unpack(t, image);
  if (!vfs) return;
  const busybox = await vfs.readFile('/bin/busybox');
  assert.equal(busybox?.subarray(0, 6).toString('latin1'), '\x7fELF\x01\x02', 'big-endian 32-bit ELF');
  let elf = 0;
  for (const e of vfs.entries()) {
    if (e.type === 'file' && /^\/(bin|lib|sbin|usr)\//.test(e.path) && (await e.read()).subarray(0, 4).toString('latin1') === '\x7fELF') elf++;
  }
  assert.ok(elf >= 80, `${elf} ELF files`);
  assert.match((await vfs.readFile('/etc/inittab'))?.toString() ?? '', /::sysinit:\/etc\/init\.d\/rcS/);
  assert.match((await vfs.readFile('/etc/inetd.conf'))?.toString() ?? '', /^echo\tstream\ttcp/);
  assert.equal((await vfs.readFile('/etc/rsa_host_key'))?.subarray(4, 11).toString(), 'ssh-rsa');
});

test('bit fields sit at the same positions in both byte orders', () => {
  // A 3.x directory entry: offset:13 type:3 size:8 inode_number:16 = offset 0x123, type 2, size 7, delta -3.
  const le = Buffer.alloc(5);
  const word = 0x123 | (2 << 13) | (7 << 16);
  le.writeUInt32LE(word >>> 0, 0);
  le.writeInt16LE(-3, 3);
  le.writeUInt8((word >>> 16) & 0xff, 2);
  const be = Buffer.from([(0x123 >> 5) & 0xff, ((0x123 & 0x1f) << 3) | 2, 7, 0xff, 0xfd]);
  for (const [buf, order] of [[le, true], [be, false]] as const) {
    const f = new BitFields(buf, order);
    assert.deepEqual([f.u(0, 13), f.u(13, 3), f.u(16, 8), f.s(24, 16)], [0x123, 2, 7, -3]);
  }
});

test('probe rejects 4.0 images and garbage', (t) => {
  const v4 = corpusFile('fact_extractor/squashFS/gzip.sqfs');
  if (!v4) return t.skip('corpus not present');
  assert.equal(squashfsLegacy.probe(new FileSource(v4)), null);
});
