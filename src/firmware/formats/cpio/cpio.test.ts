import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTool, run } from '../../../test-support/corpus.js';
import { privilegedShell, snapshot, tempDir } from '../../../test-support/trees.js';
import { writeVfs } from '../../extract/index.js';
import { BufferSource } from '../../source/index.js';
import type { Vfs } from '../../types.js';
import { standaloneContext } from '../../unpack/index.js';
import { DirectoryVfs } from '../../vfs/index.js';
import { cpio } from './index.js';

const FORMATS = ['newc', 'crc', 'odc', 'bin'] as const;
const noCpio = !hasTool('cpio') && 'cpio is not installed';

function makeTree(root: string): void {
  mkdirSync(join(root, 'etc/init.d'), { recursive: true });
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(join(root, 'etc/init.d/rcS'), '#!/bin/sh\n');
  chmodSync(join(root, 'etc/init.d/rcS'), 0o4750);
  writeFileSync(join(root, 'bin/busybox'), Buffer.alloc(5000, 0xcc));
  linkSync(join(root, 'bin/busybox'), join(root, 'bin/sh'));
  linkSync(join(root, 'bin/busybox'), join(root, 'bin/ls'));
  symlinkSync('busybox', join(root, 'bin/cat'));
  symlinkSync('/etc/passwd', join(root, 'passwd-link'));
  writeFileSync(join(root, 'odd name with spaces'), 'x');
  writeFileSync(join(root, 'empty'), '');
}

/** An archive of `dir` (members in sorted order, as initramfs builders do) in the given cpio format. */
function archive(dir: string, format: string): Buffer {
  const list = run('sh', ['-c', 'find . | LC_ALL=C sort'], { cwd: dir });
  return run('cpio', ['--quiet', '-o', '-H', format], { cwd: dir, input: list });
}

interface Listed {
  mode: string;
  uid: string;
  gid: string;
  size: string;
  path: string;
  target?: string;
}

/** Parses `cpio -itv --numeric-uid-gid` (hard links are plain files there, devices show `major, minor`). */
function parseListing(text: string): Listed[] {
  return text.split('\n').filter(Boolean).map((line) => {
    const m = /^(\S{10})\s+\d+\s+(\d+)\s+(\d+)\s+(\d+,\s*\d+|\d+)\s+\w{3}\s+\d+\s+[\d:]+\s+(.*)$/.exec(line);
    assert.ok(m, `unexpected cpio -itv line: ${line}`);
    const [name, target] = m[1]!.startsWith('l') ? m[5]!.split(' -> ') : [m[5]!];
    const path = `/${name!.replace(/^\.\/?/, '')}`;
    return { mode: m[1]!, uid: m[2]!, gid: m[3]!, size: m[4]!.replace(/\s+/g, ''), path, ...(target !== undefined ? { target } : {}) };
  });
}

function ourListing(vfs: Vfs): Listed[] {
  return vfs.entries().map((e) => {
    const type = { file: '-', hardlink: '-', dir: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p', socket: 's' }[e.type];
    const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (0o400 >> i) ? c : '-'));
    if (e.mode & 0o4000) bits[2] = bits[2] === 'x' ? 's' : 'S';
    const size = e.device ? `${e.device.major},${e.device.minor}` : String(e.size);
    return { mode: type + bits.join(''), uid: String(e.uid), gid: String(e.gid), size, path: e.path, ...(e.target !== undefined && e.type === 'symlink' ? { target: e.target } : {}) };
  });
}

/** Hard-link members: cpio lists each with its own size, we list one file and links of size 0. */
function withoutLinkSizes(list: Listed[], links: Set<string>): Listed[] {
  return list.map((l) => (links.has(l.path) ? { ...l, size: '*' } : l)).sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function unpack(bytes: Buffer): Promise<{ vfs: Vfs; length: number; warnings: string[] }> {
  const src = new BufferSource(bytes, 'cpio');
  assert.ok(cpio.probe(src));
  const ctx = standaloneContext();
  const out = await cpio.unpack(src, ctx);
  if (out.kind !== 'tree') throw new Error('expected a tree');
  return { vfs: out.vfs, length: out.length, warnings: ctx.finish() };
}

for (const format of FORMATS) {
  test(`${format} archives list and extract like GNU cpio`, { skip: noCpio }, async () => {
    const tmp = tempDir();
    try {
      const src = join(tmp.dir, 'src');
      makeTree(src);
      const bytes = archive(src, format);
      const { vfs, length, warnings } = await unpack(bytes);
      assert.deepEqual(warnings, []);
      assert.equal(length, bytes.length, 'the trailer and block padding are consumed');
      const links = new Set(['/bin/busybox', '/bin/sh', '/bin/ls']);
      const reference = parseListing(run('cpio', ['--quiet', '-itv', '--numeric-uid-gid'], { input: bytes }).toString('utf8'));
      assert.deepEqual(withoutLinkSizes(ourListing(vfs), links), withoutLinkSizes(reference, links));
      assert.equal(vfs.entries().filter((e) => e.type === 'hardlink').length, 2, 'two of the three names link to the third');

      const ours = join(tmp.dir, 'ours');
      const theirs = join(tmp.dir, 'theirs');
      mkdirSync(theirs);
      run('cpio', ['--quiet', '-idm', '--no-absolute-filenames'], { cwd: theirs, input: bytes });
      await writeVfs(vfs, ours);
      assert.deepEqual(await snapshot(new DirectoryVfs(ours, 'x'), { skipRoot: true }), await snapshot(new DirectoryVfs(theirs, 'x'), { skipRoot: true }));
    } finally {
      tmp.cleanup();
    }
  });
}

test('devices and fifos list like GNU cpio', { skip: (noCpio || !privilegedShell()) && 'needs cpio and fakeroot (or root)' }, async () => {
  const tmp = tempDir();
  try {
    for (const format of ['newc', 'odc']) {
      const out = join(tmp.dir, `${format}.cpio`);
      const script = `set -e; cd "${tmp.dir}"; rm -rf d; mkdir d; cd d; mknod null c 1 3; mknod sda b 8 1; mknod tty c 4 64; mkfifo fifo; echo x > f; chown 1000:100 f; find . | LC_ALL=C sort | cpio --quiet -o -H ${format} > "${out}"`;
      const [cmd, args] = privilegedShell()!(script);
      run(cmd, args);
      const bytes = readFileSync(out);
      const { vfs } = await unpack(bytes);
      const reference = parseListing(run('cpio', ['--quiet', '-itv', '--numeric-uid-gid'], { input: bytes }).toString('utf8'));
      assert.deepEqual(withoutLinkSizes(ourListing(vfs), new Set()), withoutLinkSizes(reference, new Set()), format);
    }
  } finally {
    tmp.cleanup();
  }
});

test('a wrong data checksum in the crc format is a warning', { skip: noCpio }, async () => {
  const tmp = tempDir();
  try {
    writeFileSync(join(tmp.dir, 'file'), 'checked content');
    const bytes = archive(tmp.dir, 'crc');
    const at = bytes.indexOf('checked content');
    bytes[at] = 0x43;
    const { warnings } = await unpack(bytes);
    assert.match(warnings.join(), /1 files fail the crc format's data checksum/);
  } finally {
    tmp.cleanup();
  }
});

test('a missing trailer and a broken header after the first are warnings; a broken first header is no cpio', { skip: noCpio }, async () => {
  const tmp = tempDir();
  try {
    writeFileSync(join(tmp.dir, 'a'), 'aaaa');
    writeFileSync(join(tmp.dir, 'b'), 'bbbb');
    const bytes = archive(tmp.dir, 'newc');
    const second = bytes.indexOf('070701', 10);
    const broken = Buffer.from(bytes);
    broken.write('zz', second + 20, 'latin1');
    const { vfs, warnings } = await unpack(broken);
    assert.ok(vfs.entries().length >= 1);
    assert.match(warnings.join('\n'), /stopped at .*not hexadecimal/);
    assert.match(warnings.join('\n'), /no TRAILER!!!/);
    const first = Buffer.from(bytes);
    first.write('zz', 20, 'latin1');
    assert.equal(cpio.probe(new BufferSource(first, 'x')), null);
    await assert.rejects(cpio.unpack(new BufferSource(first, 'x'), standaloneContext()), { name: 'FormatError' });
  } finally {
    tmp.cleanup();
  }
});

test('a name size running past the end, or a name without NUL, is malformed', () => {
  const header = (namesize: number, name: string) =>
    Buffer.from(`070701${['1', '81a4', '0', '0', '1', '0', '0', '0', '0', '0', '0', namesize.toString(16), '0'].map((f) => f.padStart(8, '0')).join('')}${name}`, 'latin1');
  assert.equal(cpio.probe(new BufferSource(header(0xffffff, 'x\0'), 'x')), null);
  assert.equal(cpio.probe(new BufferSource(header(2, 'xy'), 'x')), null);
  assert.ok(cpio.probe(new BufferSource(Buffer.concat([header(2, 'x\0'), Buffer.alloc(8)]), 'x')));
});
