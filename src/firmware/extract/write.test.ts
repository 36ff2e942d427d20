import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { randomBytes, storedZip, ustar } from '../../test-support/archives.js';
import { tempDir } from '../../test-support/trees.js';
import { FORMATS } from '../formats/registry.js';
import type { EntryType, FsEntry, Vfs } from '../types.js';
import { unpackImage } from '../unpack/index.js';
import { MemoryVfs } from '../vfs/index.js';
import { placements, rootLayer, writeEvidence, writeVfs } from './index.js';

interface RawEntry {
  path: string;
  type: EntryType;
  mode?: number;
  target?: string;
  data?: string;
  size?: number;
}

/** A Vfs that hands out paths exactly as given: what a buggy or hostile third-party plug-in could produce. */
function rawVfs(layer: string, raw: RawEntry[]): Vfs {
  const entries: FsEntry[] = raw.map((r) => ({
    path: r.path, type: r.type, mode: r.mode ?? 0o644, uid: 0, gid: 0, mtime: 0, size: r.size ?? Buffer.byteLength(r.data ?? ''),
    layer, ...(r.target !== undefined ? { target: r.target } : {}),
    read: () => (r.type === 'file' ? Promise.resolve(Buffer.from(r.data ?? '')) : Promise.reject(new Error('not readable'))),
  }));
  return {
    layer,
    entries: () => entries,
    get: (p) => entries.find((e) => e.path === p),
    resolve: (p) => entries.find((e) => e.path === p),
    children: () => [],
    readFile: () => Promise.resolve(undefined),
  };
}

function listAll(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      out.push(r);
      if (lstatSync(join(dir, r)).isDirectory()) walk(r);
    }
  };
  walk('');
  return out;
}

test('unsafe names are skipped and nothing is written outside the output directory', async () => {
  const tmp = tempDir();
  try {
    const out = join(tmp.dir, 'out');
    const outside = join(tmp.dir, 'outside');
    mkdirSync(outside);
    const vfs = rawVfs('L', [
      { path: '/../escape', type: 'file', data: 'x' },
      { path: '/a/../../escape2', type: 'file', data: 'x' },
      { path: 'relative', type: 'file', data: 'x' },
      { path: '/nul\0name', type: 'file', data: 'x' },
      { path: `/${'n'.repeat(300)}`, type: 'file', data: 'x' },
      { path: '/link', type: 'symlink', target: outside },
      { path: '/link/pwned', type: 'file', data: 'through the link' },
      { path: '/up', type: 'symlink', target: '..' },
      { path: '/up/escape3', type: 'file', data: 'x' },
      { path: '/hard', type: 'hardlink', target: '/../../etc/passwd' },
      { path: '/ok', type: 'file', data: 'fine' },
    ]);
    const report = await writeVfs(vfs, out);
    assert.deepEqual(readdirSync(outside), []);
    assert.ok(!existsSync(join(tmp.dir, 'escape')) && !existsSync(join(tmp.dir, 'escape2')) && !existsSync(join(tmp.dir, 'escape3')));
    assert.deepEqual(listAll(out), ['link', 'link/pwned', 'ok', 'up', 'up/escape3']);
    assert.ok(lstatSync(join(out, 'link')).isDirectory(), 'the symlink that would be written through is skipped');
    assert.equal(report.files, 3);
    assert.equal(report.symlinks, 0);
    assert.equal(report.warnings.filter((w) => /unsafe path/.test(w)).length, 5);
    assert.equal(report.warnings.filter((w) => /directory of the same path is needed/.test(w)).length, 2);
    assert.ok(report.warnings.some((w) => /hard link target/.test(w)));
  } finally {
    tmp.cleanup();
  }
});

test('with --force, symlinks already in the output are never followed', async () => {
  const tmp = tempDir();
  try {
    const out = join(tmp.dir, 'out');
    const outside = join(tmp.dir, 'outside');
    mkdirSync(out);
    mkdirSync(outside);
    writeFileSync(join(outside, 'victim'), 'untouched');
    symlinkSync(outside, join(out, 'etc'));
    symlinkSync(join(outside, 'victim'), join(out, 'file'));
    const vfs = new MemoryVfs('L');
    const meta = { mode: 0o644, uid: 0, gid: 0, mtime: 0 };
    vfs.add({ ...meta, path: '/etc/passwd', type: 'file', size: 5, content: () => Buffer.from('pwned') });
    vfs.add({ ...meta, path: '/file', type: 'file', size: 7, content: () => Buffer.from('written') });
    const report = await writeVfs(vfs, out, { force: true });
    assert.deepEqual(readdirSync(outside).sort(), ['victim']);
    assert.equal(readFileSync(join(outside, 'victim'), 'utf8'), 'untouched');
    assert.ok(lstatSync(join(out, 'etc')).isSymbolicLink(), 'the existing symlink directory is left alone');
    assert.equal(readFileSync(join(out, 'file'), 'utf8'), 'written');
    assert.ok(lstatSync(join(out, 'file')).isFile(), 'the symlink was replaced, not followed');
    assert.ok(report.warnings.some((w) => /etc: exists and is not a directory/.test(w)));
    assert.ok(report.warnings.some((w) => /etc\/passwd: parent directory was not created/.test(w)));
  } finally {
    tmp.cleanup();
  }
});

test('modes, symlinks as stored, hard links and placeholders for devices, fifos and sockets', async () => {
  const tmp = tempDir();
  try {
    const vfs = new MemoryVfs('L');
    const meta = { uid: 0, gid: 0, mtime: 1_600_000_000 };
    vfs.add({ ...meta, path: '/', type: 'dir', mode: 0o755, size: 0 });
    vfs.add({ ...meta, path: '/ro', type: 'dir', mode: 0o555, size: 0 });
    vfs.add({ ...meta, path: '/ro/busybox', type: 'file', mode: 0o4755, size: 3, content: () => Buffer.from('elf') });
    vfs.add({ ...meta, path: '/ro/sh', type: 'hardlink', mode: 0o4755, size: 0, target: '/ro/busybox' });
    vfs.add({ ...meta, path: '/ro/secret', type: 'file', mode: 0o000, size: 6, content: () => Buffer.from('hidden') });
    vfs.add({ ...meta, path: '/etc-passwd', type: 'symlink', mode: 0o777, size: 11, target: '/etc/passwd' });
    vfs.add({ ...meta, path: '/dev/null', type: 'char', mode: 0o666, size: 0, device: { major: 1, minor: 3 } });
    vfs.add({ ...meta, path: '/dev/fifo', type: 'fifo', mode: 0o600, size: 0 });
    vfs.add({ ...meta, path: '/dev/sock', type: 'socket', mode: 0o755, size: 0 });
    const out = join(tmp.dir, 'out');
    const report = await writeVfs(vfs, out);
    assert.deepEqual(report.warnings, []);
    assert.equal(statSync(join(out, 'ro')).mode & 0o7777, 0o555);
    assert.equal(statSync(join(out, 'ro/busybox')).mode & 0o7777, 0o4755);
    assert.equal(statSync(join(out, 'ro/secret')).mode & 0o7777, 0o000);
    assert.equal(statSync(join(out, 'ro/sh')).ino, statSync(join(out, 'ro/busybox')).ino);
    assert.equal(readlinkSync(join(out, 'etc-passwd')), '/etc/passwd');
    for (const name of ['null', 'fifo', 'sock']) {
      const st = lstatSync(join(out, 'dev', name));
      assert.ok(st.isFile() && st.size === 0, `${name} is an empty placeholder`);
    }
    assert.equal(statSync(join(out, 'dev/null')).mode & 0o777, 0o666);
    assert.equal(statSync(join(out, 'ro/busybox')).mtimeMs, 1_600_000_000_000);
    assert.deepEqual({ files: report.files, hardlinks: report.hardlinks, symlinks: report.symlinks, specials: report.specials }, { files: 2, hardlinks: 1, symlinks: 1, specials: 3 });
  } finally {
    tmp.cleanup();
  }
});

test('many files with reads finishing out of order are all written, with bounded bytes in flight', async () => {
  const tmp = tempDir();
  try {
    const vfs = new MemoryVfs('L');
    let inFlight = 0;
    let peak = 0;
    for (let i = 0; i < 400; i++) {
      const data = Buffer.alloc(1000 + i, i & 0xff);
      vfs.add({
        path: `/d${i % 7}/f${i}`, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: data.length,
        content: async () => {
          peak = Math.max(peak, ++inFlight);
          await new Promise((r) => setTimeout(r, (i * 7) % 5));
          inFlight--;
          return data;
        },
      });
    }
    const out = join(tmp.dir, 'out');
    const report = await writeVfs(vfs, out, { concurrency: 16, maxBytesInFlight: 10_000 });
    assert.equal(report.files, 400);
    assert.ok(peak > 1 && peak <= 16, `peak ${peak}`);
    for (let i = 0; i < 400; i += 37) assert.ok(readFileSync(join(out, `d${i % 7}/f${i}`)).equals(Buffer.alloc(1000 + i, i & 0xff)));
  } finally {
    tmp.cleanup();
  }
});

async function evidenceOf(bytes: Buffer) {
  const tmp = tempDir();
  const path = join(tmp.dir, 'image.bin');
  writeFileSync(path, bytes);
  return { evidence: await unpackImage(path, { formats: FORMATS }), tmp };
}

const TAR = ustar([{ name: 'etc/', type: 'dir' }, { name: 'etc/passwd', data: 'root::0:0::/:/bin/sh\n' }]);

test('layout: an image that is one archive fills the output directory itself, as unsquashfs -d does', async () => {
  for (const image of [TAR, deflateSync(TAR)]) {
    const { evidence, tmp } = await evidenceOf(image);
    try {
      assert.equal(rootLayer(evidence), evidence.log.layers.at(-1)!.id);
      const out = join(tmp.dir, 'out');
      await writeEvidence(evidence, out);
      assert.deepEqual(listAll(out), ['etc', 'etc/passwd']);
    } finally {
      tmp.cleanup();
    }
  }
});

test('layout: carved layers and layers beside the root go to folders named offset-format', async () => {
  const zip = storedZip([{ name: 'a.txt', data: 'zip' }]);
  const dump = Buffer.concat([randomBytes(0x40, 3), TAR, zip]);
  const { evidence, tmp } = await evidenceOf(dump);
  try {
    assert.equal(rootLayer(evidence), undefined);
    const out = join(tmp.dir, 'out');
    await writeEvidence(evidence, out);
    const zipAt = (0x40 + TAR.length).toString(16);
    assert.deepEqual(listAll(out), ['0x40-tar', '0x40-tar/etc', '0x40-tar/etc/passwd', `0x${zipAt}-zip`, `0x${zipAt}-zip/a.txt`]);
  } finally {
    tmp.cleanup();
  }
  const beside = await evidenceOf(Buffer.concat([TAR, zip]));
  try {
    const out = join(beside.tmp.dir, 'out');
    await writeEvidence(beside.evidence, out);
    assert.deepEqual(listAll(out), [`0x${TAR.length.toString(16)}-zip`, `0x${TAR.length.toString(16)}-zip/a.txt`, 'etc', 'etc/passwd']);
  } finally {
    beside.tmp.cleanup();
  }
});

test('layout: a layer folder that collides with an entry of the tree gets a ~2 suffix', async () => {
  const zip = storedZip([{ name: 'a.txt', data: 'zip' }]);
  // Same shape as TAR (a directory and a small file), so the zip after it starts at TAR.length.
  const name = `0x${TAR.length.toString(16)}-zip`;
  const tar = ustar([{ name: `${name}/`, type: 'dir' }, { name: `${name}/mine`, data: 'tree file' }]);
  assert.equal(tar.length, TAR.length);
  const { evidence, tmp } = await evidenceOf(Buffer.concat([tar, zip]));
  try {
    assert.deepEqual(placements(evidence).map((p) => p.dir), ['', `${name}~2`]);
  } finally {
    tmp.cleanup();
  }
});

test('layout: with --deep, an archive inside a file of the root tree lands beside that file', async () => {
  const inner = ustar([{ name: 'control', data: 'Package: demo\n' }]);
  const outer = ustar([{ name: 'usr/lib/demo.ipk', data: deflateSync(inner) }]);
  const tmp = tempDir();
  try {
    const path = join(tmp.dir, 'image.tar');
    writeFileSync(path, outer);
    const evidence = await unpackImage(path, { formats: FORMATS, deep: true });
    assert.deepEqual(placements(evidence).map((p) => [p.vfs.layer, p.dir]), [
      ['0x0-tar', ''],
      ['0x0-tar/usr/lib/demo.ipk@0x0-zlib/0x0-tar', 'usr/lib/demo.ipk@0x0-zlib/0x0-tar'],
    ]);
    const out = join(tmp.dir, 'out');
    await writeEvidence(evidence, out);
    assert.equal(readFileSync(join(out, 'usr/lib/demo.ipk@0x0-zlib/0x0-tar/control'), 'utf8'), 'Package: demo\n');
  } finally {
    tmp.cleanup();
  }
});
