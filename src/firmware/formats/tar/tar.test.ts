import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, linkSync, writeFileSync, chmodSync, openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFile, hasTool, run } from '../../../test-support/corpus.js';
import { privilegedShell, snapshot, tempDir } from '../../../test-support/trees.js';
import { BufferSource, FileSource } from '../../source/index.js';
import { standaloneContext } from '../../unpack/index.js';
import { writeVfs } from '../../extract/index.js';
import { DirectoryVfs } from '../../vfs/index.js';
import type { FsEntry, Vfs } from '../../types.js';
import { tar } from './index.js';

const LONG_DIR = `deep/${'d'.repeat(90)}/${'e'.repeat(90)}`;
const LONG_NAME = `${LONG_DIR}/${'f'.repeat(120)}.txt`;

/** A tree with everything tar can hold except devices: long names and link targets, links, odd modes, UTF-8. */
function makeTree(root: string): void {
  mkdirSync(join(root, LONG_DIR), { recursive: true });
  mkdirSync(join(root, 'etc/init.d'), { recursive: true });
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(join(root, 'etc/init.d/rcS'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(root, 'etc/init.d/rcS'), 0o4755);
  writeFileSync(join(root, LONG_NAME), 'long\n');
  writeFileSync(join(root, 'big.bin'), Buffer.alloc(70_000, 7));
  writeFileSync(join(root, 'empty'), '');
  writeFileSync(join(root, 'grüße.txt'), 'utf8 name\n');
  linkSync(join(root, 'etc/passwd'), join(root, 'etc/passwd.hard'));
  symlinkSync('../etc/passwd', join(root, 'deep/rel-link'));
  symlinkSync(`/${LONG_NAME}`, join(root, 'long-link'));
  symlinkSync('/nonexistent/target', join(root, 'dangling'));
}

interface Listed {
  mode: string;
  owner: string;
  size: string;
  path: string;
  target?: string;
}

/** Parses `tar -tv --numeric-owner --full-time` lines (pax fractions are space padded); paths normalised like the Vfs's. */
function parseTarListing(text: string): Listed[] {
  return text.split('\n').filter(Boolean).map((line) => {
    const m = /^(\S{10}) (\d+\/\d+)\s+(\S+) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? +(.*)$/.exec(line);
    assert.ok(m, `unexpected tar -tv line: ${line}`);
    let path = m[4]!;
    let target: string | undefined;
    const arrow = path.indexOf(m[1]!.startsWith('l') ? ' -> ' : ' link to ');
    if (m[1]!.startsWith('l') || m[1]!.startsWith('h')) {
      target = path.slice(arrow + (m[1]!.startsWith('l') ? 4 : 9));
      path = path.slice(0, arrow);
    }
    const norm = (p: string) => `/${p.replace(/^\.\//, '').replace(/\/$/, '')}`.replace(/^\/\.$/, '/');
    return { mode: m[1]!, owner: m[2]!, size: m[3]!, path: norm(path), ...(target !== undefined ? { target: m[1]!.startsWith('h') ? norm(target) : target } : {}) };
  });
}

function modeChars(e: FsEntry): string {
  const type = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p', socket: 's' }[e.type];
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (0o400 >> i) ? c : '-'));
  if (e.mode & 0o4000) bits[2] = bits[2] === 'x' ? 's' : 'S';
  if (e.mode & 0o2000) bits[5] = bits[5] === 'x' ? 's' : 'S';
  if (e.mode & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return type + bits.join('');
}

/** Our listing in the same shape (symlink sizes are 0 in tar -tv; devices show major,minor). */
function ourListing(vfs: Vfs): Listed[] {
  return vfs.entries().map((e) => ({
    mode: modeChars(e),
    owner: `${e.uid}/${e.gid}`,
    size: e.device ? `${e.device.major},${e.device.minor}` : e.type === 'symlink' ? '0' : String(e.size),
    path: e.path,
    ...(e.target !== undefined ? { target: e.target } : {}),
  }));
}

async function unpackFile(path: string): Promise<{ vfs: Vfs; length: number; warnings: string[] }> {
  const src = new FileSource(path);
  assert.ok(tar.probe(src), `probe accepts ${path}`);
  const ctx = standaloneContext();
  const out = await tar.unpack(src, ctx);
  assert.equal(out.kind, 'tree');
  if (out.kind !== 'tree') throw new Error('unreachable');
  return { vfs: out.vfs, length: out.length, warnings: ctx.finish() };
}

const byPath = (a: Listed, b: Listed) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

for (const format of ['gnu', 'ustar', 'pax', 'v7'] as const) {
  test(`${format} archives list and extract like GNU tar`, { skip: !hasTool('tar') && 'tar is not installed' }, async () => {
    const tmp = tempDir();
    try {
      const src = join(tmp.dir, 'src');
      makeTree(src);
      const archive = join(tmp.dir, `t.tar`);
      // ustar and v7 cannot hold the longest names; those archives get the short part of the tree.
      const members = format === 'gnu' || format === 'pax' ? ['.'] : ['etc', 'big.bin', 'empty', 'grüße.txt', 'deep/rel-link', 'dangling'];
      run('tar', [`--format=${format}`, '-cf', archive, '-C', src, ...members]);
      const { vfs, length, warnings } = await unpackFile(archive);
      assert.deepEqual(warnings, []);
      assert.equal(length, readFileSync(archive).length, 'the archive consumes its whole file including the record padding');
      const reference = parseTarListing(run('tar', ['--numeric-owner', '--full-time', '-tvf', archive], { env: { TZ: 'UTC' } }).toString('utf8'));
      assert.deepEqual(ourListing(vfs).filter((e) => e.path !== '/').sort(byPath), reference.filter((e) => e.path !== '/').sort(byPath));

      const ours = join(tmp.dir, 'ours');
      const theirs = join(tmp.dir, 'theirs');
      mkdirSync(theirs);
      run('tar', ['-xpf', archive, '-C', theirs]);
      await writeVfs(vfs, ours);
      assert.deepEqual(await snapshot(new DirectoryVfs(ours, 'x'), { skipRoot: true }), await snapshot(new DirectoryVfs(theirs, 'x'), { skipRoot: true }));
    } finally {
      tmp.cleanup();
    }
  });
}

test('devices, fifos, foreign owners and huge ids list like GNU tar', { skip: (!hasTool('tar') || !privilegedShell()) && 'needs tar and fakeroot (or root)' }, async () => {
  const tmp = tempDir();
  try {
    const shell = privilegedShell()!;
    for (const format of ['gnu', 'pax', 'ustar']) {
      const archive = join(tmp.dir, `${format}.tar`);
      const big = format === 'ustar' ? '4000' : '3000000';
      const script = `set -e; cd "${tmp.dir}"; rm -rf d; mkdir d; mknod d/null c 1 3; mknod d/sda b 8 1; mknod d/big c 300 70000; mkfifo d/fifo; echo x > d/owned; chown ${big}:${big} d/owned; tar --format=${format} -cf "${archive}" d`;
      const [cmd, args] = shell(script);
      run(cmd, args);
      const { vfs } = await unpackFile(archive);
      const reference = parseTarListing(run('tar', ['--numeric-owner', '--full-time', '-tvf', archive], { env: { TZ: 'UTC' } }).toString('utf8'));
      assert.deepEqual(ourListing(vfs).filter((e) => e.path !== '/').sort(byPath), reference.sort(byPath), format);
      assert.equal(vfs.get('/d/owned')?.uid, Number(big));
    }
  } finally {
    tmp.cleanup();
  }
});

test('sparse files (old GNU and pax 1.0) are rebuilt with their holes', { skip: !hasTool('tar') && 'tar is not installed' }, async () => {
  const tmp = tempDir();
  try {
    const file = join(tmp.dir, 'sparse');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 3 * 1024 * 1024);
    writeSync(fd, Buffer.from('start'), 0, 5, 4096);
    writeSync(fd, Buffer.alloc(10_000, 0x5a), 0, 10_000, 2 * 1024 * 1024);
    writeSync(fd, Buffer.from('end'), 0, 3, 3 * 1024 * 1024 - 3);
    closeSync(fd);
    const expected = readFileSync(file);
    for (const format of ['gnu', 'pax']) {
      const archive = join(tmp.dir, `${format}.tar`);
      run('tar', [`--format=${format}`, '--sparse', '-cf', archive, '-C', tmp.dir, 'sparse']);
      assert.ok(readFileSync(archive).length < 100_000, 'the archive is really sparse');
      const { vfs } = await unpackFile(archive);
      const entry = vfs.get('/sparse')!;
      assert.equal(entry.size, expected.length, format);
      assert.ok((await entry.read()).equals(expected), format);
    }
  } finally {
    tmp.cleanup();
  }
});

test('the corpus tar lists like GNU tar', { skip: !corpusFile('fact_extractor/patool/test.tar') && 'corpus not present' }, async () => {
  const path = corpusFile('fact_extractor/patool/test.tar')!;
  const { vfs } = await unpackFile(path);
  if (hasTool('tar')) {
    const reference = parseTarListing(run('tar', ['--numeric-owner', '--full-time', '-tvf', path], { env: { TZ: 'UTC' } }).toString('utf8'));
    assert.deepEqual(ourListing(vfs).sort(byPath), reference.sort(byPath));
  }
  assert.equal((await vfs.readFile('/get_files_test/testfile2'))?.length, 28);
});

test('a fake tar header (truncated, from the FACT carver tests) is not taken for tar', { skip: !corpusFile('fact_extractor/generic_carver/fake_tar.tar') && 'corpus not present' }, () => {
  assert.equal(tar.probe(new FileSource(corpusFile('fact_extractor/generic_carver/fake_tar.tar')!)), null);
});

function archiveOf(entries: { name: string; data: string }[]): Buffer {
  const tmp = tempDir();
  try {
    for (const e of entries) writeFileSync(join(tmp.dir, e.name), e.data);
    return run('tar', ['--format=ustar', '-cf', '-', '-C', tmp.dir, ...entries.map((e) => e.name)]);
  } finally {
    tmp.cleanup();
  }
}

test('a bad checksum stops the walk with a warning; a bad first header is no tar', { skip: !hasTool('tar') && 'tar is not installed' }, async () => {
  const bytes = archiveOf([{ name: 'a', data: 'first' }, { name: 'b', data: 'second' }]);
  const second = Buffer.from(bytes);
  second[1024 + 5] = 0x41; // the name of the second header
  const ctx = standaloneContext();
  const out = await tar.unpack(new BufferSource(second, 't'), ctx);
  assert.equal(out.kind === 'tree' && out.vfs.entries().map((e) => e.path).join(), '/a');
  assert.equal(out.length, 1024);
  assert.match(ctx.finish().join(), /checksum/);

  const first = Buffer.from(bytes);
  first[5] = 0x41;
  assert.equal(tar.probe(new BufferSource(first, 't')), null);
  await assert.rejects(tar.unpack(new BufferSource(first, 't'), standaloneContext()), { name: 'FormatError' });
});

test('truncated data ends the walk with a warning and keeps what came before', { skip: !hasTool('tar') && 'tar is not installed' }, async () => {
  const bytes = archiveOf([{ name: 'a', data: 'first' }, { name: 'b', data: 'x'.repeat(3000) }]);
  const ctx = standaloneContext();
  const out = await tar.unpack(new BufferSource(bytes.subarray(0, 2048), 't'), ctx);
  assert.equal(out.kind === 'tree' && out.vfs.entries().map((e) => e.path).join(), '/a');
  assert.match(ctx.finish().join(), /runs past the end/);
});

test('the entry limit stops a layer with ERR_UNPACK_LIMIT', { skip: !hasTool('tar') && 'tar is not installed' }, async () => {
  const bytes = archiveOf([{ name: 'a', data: '1' }, { name: 'b', data: '2' }, { name: 'c', data: '3' }]);
  await assert.rejects(tar.unpack(new BufferSource(bytes, 't'), standaloneContext({ limits: { maxEntries: 2 } })), { code: 'ERR_UNPACK_LIMIT' });
});

test('names that climb out of the archive are kept inside it and reported', async () => {
  const header = Buffer.alloc(512);
  header.write('../../etc/evil', 0, 'latin1');
  header.write('0000644\0', 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write('00000000004\0', 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1');
  header.write('0', 156, 'latin1');
  header.write('ustar\x0000', 257, 'latin1');
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const data = Buffer.alloc(512);
  data.write('evil');
  const archive = Buffer.concat([header, data, Buffer.alloc(1024)]);
  const ctx = standaloneContext();
  const out = await tar.unpack(new BufferSource(archive, 't'), ctx);
  assert.deepEqual(out.kind === 'tree' && out.vfs.entries().map((e) => e.path), ['/etc/evil']);
  assert.match(ctx.finish().join(), /above the archive root/);
});
