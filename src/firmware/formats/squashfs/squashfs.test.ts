import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hasCodec, type CodecId } from '../../codecs/index.js';
import { FileSource } from '../../source/index.js';
import type { Vfs } from '../../types.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import {
  SAMPLE_XATTRS, hasSetfattr, ourHashes, sampleBytes, ourListing, referenceHashes, referenceListing, testContext, writeSampleTree,
} from '../../../test-support/squashfs-reference.js';
import { squashfs } from './index.js';
import { inlineRunner, WorkerPool } from '../../pool/index.js';
import { SquashfsV4 } from './reader.js';

const opened: FileSource[] = [];
function open(image: string): FileSource {
  const src = new FileSource(image);
  opened.push(src);
  return src;
}

/** Unpacks an image; resolves to undefined (after t.skip) when its codec has not landed yet. */
async function unpack(t: TestContext, image: string): Promise<Vfs | undefined> {
  const src = open(image);
  try {
    const result = await squashfs.unpack(src, testContext());
    assert.equal(result.kind, 'tree');
    if (result.kind !== 'tree') return undefined;
    await ourHashes(result.vfs); // reads every file, so a missing codec shows up here
    return result.vfs;
  } catch (error) {
    const missing = /codec (\S+) is not available/.exec((error as Error).message);
    if (missing) {
      t.skip(`the ${missing[1]} codec is not available yet (src/firmware/codecs)`);
      return undefined;
    }
    throw error;
  }
}

/**
 * unsquashfs -ll prints a device's raw number as `data >> 8, data & 0xff`, which is wrong once the minor
 * exceeds 255; the kernel's decoding (ours) is checked separately, so such lines are left out here.
 */
const bigDevice = (line: string) => !line.endsWith(' /dev/big');

/** Our listing and file hashes must equal those of unsquashfs -lln and unsquashfs -d. */
async function assertMatchesReference(t: TestContext, image: string): Promise<Vfs | undefined> {
  const vfs = await unpack(t, image);
  if (!vfs) return undefined;
  assert.deepEqual(ourListing(vfs).filter(bigDevice), referenceListing(image).filter(bigDevice));
  assert.deepEqual(new Map([...(await ourHashes(vfs))].sort()), new Map([...referenceHashes(image)].sort()));
  return vfs;
}

const CORPUS_V4 = [
  'fact_extractor/squashFS/gzip.sqfs',
  'fact_extractor/squashFS/lzma.sqfs',
  'fact_extractor/squashFS/lzo.sqfs',
  'fact_extractor/squashFS/xz.sqfs',
  'fact_extractor/squashFS/lz4.sqfs',
  'fact_extractor/squashFS/zstd.sqfs',
  'fact_extractor/squashFS/avm_le.sqfs4',
  'binwalk/squashfs.bin',
];

for (const name of CORPUS_V4) {
  test(`corpus ${name}: listing and contents equal unsquashfs`, async (t) => {
    const image = corpusFile(name);
    if (!image) return t.skip('corpus not present');
    if (!hasTool('unsquashfs')) return t.skip('unsquashfs not installed');
    await assertMatchesReference(t, image);
  });
}

test('AVM big-endian 4.0 (unsquashfs cannot read it) gives the same tree as its little-endian twin', async (t) => {
  const be = corpusFile('fact_extractor/squashFS/avm_be.sqfs4');
  const le = corpusFile('fact_extractor/squashFS/avm_le.sqfs4');
  if (!be || !le) return t.skip('corpus not present');
  if (!hasTool('unsquashfs')) return t.skip('unsquashfs not installed');
  assert.equal(squashfs.probe(open(be))?.description.includes('big-endian'), true);
  const vfs = await unpack(t, be);
  if (!vfs) return;
  assert.deepEqual(ourListing(vfs), referenceListing(le));
  assert.deepEqual(new Map([...(await ourHashes(vfs))].sort()), new Map([...referenceHashes(le)].sort()));
});

test('vendor-LZMA 4.0 router image (unsquashfs fails) unpacks into a plausible tree', async (t) => {
  const image = corpusFile('binwalk/firmware_v4_lzma.squashfs');
  if (!image) return t.skip('corpus not present');
  const vfs = await unpack(t, image);
  if (!vfs) return;
  const entries = vfs.entries();
  assert.equal(entries.length, 1811);
  const busybox = await vfs.readFile('/bin/busybox');
  assert.equal(busybox?.subarray(0, 4).toString('latin1'), '\x7fELF');
  assert.equal(busybox?.[5], 1, 'little-endian MIPS ELF');
  const elves = entries.filter((e) => e.type === 'file' && /^\/(s?bin|lib|usr\/s?bin)\//.test(e.path));
  let elf = 0;
  for (const e of elves) if ((await e.read()).subarray(0, 4).toString('latin1') === '\x7fELF') elf++;
  assert.ok(elf >= 100, `${elf} ELF binaries and libraries`);
  const php = (await vfs.readFile('/htdocs/web/DevInfo.php'))?.toString('latin1') ?? '';
  assert.match(php, /Firmware External Version/);
});

interface Variant {
  readonly name: string;
  readonly args: readonly string[];
}

const COMPRESSORS = ['gzip', 'lzma', 'lzo', 'xz', 'lz4', 'zstd'];
const CODEC_OF: Record<string, CodecId> = { gzip: 'zlib', lzma: 'lzma', lzo: 'lzo1x', xz: 'xz', lz4: 'lz4-block', zstd: 'zstd' };
const VARIANTS: Variant[] = [
  ...COMPRESSORS.map((c) => ({ name: c, args: ['-comp', c] })),
  { name: 'gzip 4K blocks, always fragments', args: ['-b', '4K', '-always-use-fragments'] },
  { name: 'gzip 1M blocks, no fragments', args: ['-b', '1M', '-no-fragments'] },
  { name: 'uncompressed everything', args: ['-noI', '-noD', '-noF', '-noX'] },
  { name: 'all-root, no xattrs, no sparse', args: ['-all-root', '-no-xattrs', '-no-sparse'] },
  { name: 'gzip options (level 1, window 10)', args: ['-Xcompression-level', '1', '-Xwindow-size', '10'] },
  { name: 'xz with x86 filter and 64K dictionary', args: ['-comp', 'xz', '-Xbcj', 'x86', '-Xdict-size', '64K'] },
  { name: 'lz4 high compression', args: ['-comp', 'lz4', '-Xhc'] },
  { name: 'exportable, duplicates kept', args: ['-exports', '-no-duplicates'] },
];

const fixtures = { dir: '', tree: '', pseudo: [] as string[] };

function fixtureTree(): { tree: string; pseudo: string[] } {
  if (!fixtures.dir) {
    fixtures.dir = mkdtempSync(join(tmpdir(), 'iotcop-sqfs-'));
    fixtures.tree = join(fixtures.dir, 'tree');
    spawnSync('mkdir', [fixtures.tree]);
    fixtures.pseudo = writeSampleTree(fixtures.tree);
  }
  return fixtures;
}

test.after(() => {
  for (const src of opened) src.close();
  if (fixtures.dir) rmSync(fixtures.dir, { recursive: true, force: true });
});

for (const variant of VARIANTS) {
  test(`mksquashfs ${variant.name}: listing, contents and xattrs equal the reference`, async (t) => {
    if (!hasTool('mksquashfs') || !hasTool('unsquashfs')) return t.skip('squashfs-tools not installed');
    const comp = variant.args[variant.args.indexOf('-comp') + 1] ?? 'gzip';
    const codec = CODEC_OF[variant.args.includes('-comp') ? comp : 'gzip']!;
    if (!hasCodec(codec)) return t.skip(`the ${codec} codec is not available yet (src/firmware/codecs)`);
    const { tree, pseudo } = fixtureTree();
    const image = join(fixtures.dir, `${variant.name.replace(/\W+/g, '-')}.sqfs`);
    const pseudoArgs = ['dev d 755 0 0', 'run d 755 0 0', ...pseudo].flatMap((p) => ['-p', p]);
    const r = spawnSync('mksquashfs', [tree, image, '-noappend', '-quiet', '-no-progress', ...variant.args, ...pseudoArgs]);
    assert.equal(r.status, 0, r.stderr.toString());
    const vfs = await assertMatchesReference(t, image);
    if (!vfs) return;
    const xattrsKept = hasSetfattr() && !variant.args.includes('-no-xattrs');
    for (const [path, attrs] of Object.entries(SAMPLE_XATTRS)) {
      const got: Readonly<Record<string, Buffer>> | undefined = vfs.get(path)?.xattrs;
      if (!xattrsKept) assert.equal(got, undefined, path);
      else assert.deepEqual(Object.fromEntries(Object.entries(got ?? {}).map(([k, v]) => [k, v.toString()])), attrs, path);
    }
    assert.equal(vfs.get('/bin/tool-hardlink')?.type, 'file', 'hard links list as regular files, as in unsquashfs -ll');
    assert.deepEqual(vfs.get('/dev/big')?.device, { major: 300, minor: 70000 });
  });
}

test('sparse files keep their holes as zero-size blocks and read back as zeros', async (t) => {
  if (!hasTool('mksquashfs')) return t.skip('squashfs-tools not installed');
  const { tree } = fixtureTree();
  const image = join(fixtures.dir, 'sparse.sqfs');
  assert.equal(spawnSync('mksquashfs', [tree, image, '-noappend', '-quiet', '-no-progress']).status, 0);
  const fs = new SquashfsV4(open(image), inlineRunner);
  const sparse = fs.readDir(fs.readInode(fs.rootRef)).find((e) => e.name.toString() === 'sparse')!;
  const inode = fs.readInode(sparse.inode);
  assert.ok(inode.file!.blocks.some((w) => w === 0), 'at least one hole');
  const content = await fs.readFile(inode);
  assert.equal(content.length, 1_200_000);
  assert.equal(content.subarray(600_000, 600_006).toString(), 'middle');
  assert.equal(content.subarray(0, 600_000).every((b) => b === 0), true);
});

test('worker pool and in-thread decoding give identical contents', async (t) => {
  if (!hasTool('mksquashfs')) return t.skip('squashfs-tools not installed');
  const { tree } = fixtureTree();
  const image = join(fixtures.dir, 'pool.sqfs');
  assert.equal(spawnSync('mksquashfs', [tree, image, '-noappend', '-quiet', '-no-progress', '-b', '64K']).status, 0);
  const pooled = await unpack(t, image);
  const inline = new SquashfsV4(open(image), inlineRunner);
  const big = inline.readDir(inline.readInode(inline.rootRef)).find((e) => e.name.toString() === 'data')!;
  const dataDir = inline.readInode(big.inode);
  const bigRef = inline.readDir(dataDir).find((e) => e.name.toString() === 'big')!;
  const viaInline = await inline.readFile(inline.readInode(bigRef.inode));
  assert.ok(pooled);
  assert.deepEqual(await pooled.readFile('/data/big'), viaInline);
  // A pool that cannot start workers falls back to this thread, reading the file spans itself.
  const starved = new SquashfsV4(open(image), new WorkerPool(0));
  assert.deepEqual(await starved.readFile(starved.readInode(bigRef.inode)), viaInline);
});

test('an image carved from inside a bigger file reads the same (workers read at the slice offset)', async (t) => {
  if (!hasTool('mksquashfs')) return t.skip('squashfs-tools not installed');
  const { tree } = fixtureTree();
  const image = join(fixtures.dir, 'carved.sqfs');
  assert.equal(spawnSync('mksquashfs', [tree, image, '-noappend', '-quiet', '-no-progress']).status, 0);
  const bytes = readFileSync(image);
  const outer = join(fixtures.dir, 'firmware.bin');
  writeFileSync(outer, Buffer.concat([sampleBytes(12_345, 5, false), bytes, Buffer.alloc(999)]));
  const src = open(outer).slice(12_345, bytes.length);
  assert.deepEqual(src.origin, { ...open(image).origin, path: outer, offset: 12_345, ino: statSync(outer).ino });
  const carved = await squashfs.unpack(src, testContext());
  const whole = await unpack(t, image);
  assert.ok(carved.kind === 'tree' && whole);
  assert.deepEqual(await ourHashes(carved.vfs), await ourHashes(whole));
});

test('probe accepts 4.0 only and describes it', (t) => {
  const v4 = corpusFile('fact_extractor/squashFS/gzip.sqfs');
  const v3 = corpusFile('fact_extractor/squashFS/zlib_le.sqfs3');
  if (!v4 || !v3) return t.skip('corpus not present');
  assert.match(squashfs.probe(open(v4))?.description ?? '', /squashfs 4\.0 little-endian, gzip, 5 inodes/);
  assert.equal(squashfs.probe(open(v4))?.length, 401);
  assert.equal(squashfs.probe(open(v3)), null);
});
