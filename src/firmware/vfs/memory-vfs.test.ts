import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryVfs } from './memory-vfs.js';
import { normalizePath } from './paths.js';

const base = { mode: 0o644, uid: 0, gid: 0, mtime: 0 };

function tree(): MemoryVfs {
  const vfs = new MemoryVfs('L0');
  vfs.add({ ...base, path: '/', type: 'dir', size: 0, mode: 0o755 });
  vfs.add({ ...base, path: 'etc', type: 'dir', size: 0 });
  vfs.add({ ...base, path: '/var/passwd', type: 'file', size: 5, content: () => Buffer.from('root:') });
  vfs.add({ ...base, path: '/etc/passwd', type: 'symlink', size: 11, target: '/var/passwd' });
  vfs.add({ ...base, path: '/etc/rel', type: 'symlink', size: 14, target: '../var/passwd' });
  vfs.add({ ...base, path: '/etc/hard', type: 'hardlink', size: 0, target: '/var/passwd' });
  vfs.add({ ...base, path: '/loop', type: 'symlink', size: 4, target: '/loop' });
  vfs.add({ ...base, path: '/up', type: 'symlink', size: 8, target: '../../..' });
  return vfs;
}

test('paths are normalised and cannot climb above the root', () => {
  assert.deepEqual(normalizePath('./a//b/../c'), { path: '/a/c', escaped: false });
  assert.deepEqual(normalizePath('../../etc/shadow'), { path: '/etc/shadow', escaped: true });
  assert.deepEqual(normalizePath('/'), { path: '/', escaped: false });
  // The fast path for already-normal paths must agree with splitting, on near misses too.
  const split = (raw: string) => `/${raw.split('/').filter((s) => s !== '' && s !== '.').join('/')}`;
  for (const raw of ['/a', '/a/b.c', '/.a', '/a/..b', '/a/...', '/a/.b/c', '/a/b/', '/a//b', '/a/./b', '/a/.', '//a', 'a/b', '/a\\b', '/\0']) {
    const expected = raw.includes('..') && /(^|\/)\.\.(\/|$)/.test(raw) ? undefined : split(raw);
    if (expected !== undefined) assert.deepEqual(normalizePath(raw), { path: expected, escaped: false }, raw);
  }
  assert.deepEqual(normalizePath('/a/b/..'), { path: '/a', escaped: false });
  assert.deepEqual(normalizePath('/a/../..'), { path: '/', escaped: true });
});

test('symlinks (absolute and relative) and hard links resolve inside the tree', async () => {
  const vfs = tree();
  assert.equal((await vfs.readFile('/etc/passwd'))?.toString(), 'root:');
  assert.equal((await vfs.readFile('/etc/rel'))?.toString(), 'root:');
  assert.equal((await vfs.readFile('/etc/hard'))?.toString(), 'root:');
  assert.equal(vfs.resolve('/loop'), undefined);
  assert.equal(vfs.resolve('/up')?.path, '/');
});

test('entries are sorted and children listed', () => {
  const vfs = tree();
  assert.deepEqual(vfs.entries().map((e) => e.path), ['/', '/etc', '/etc/hard', '/etc/passwd', '/etc/rel', '/loop', '/up', '/var/passwd']);
  assert.deepEqual(vfs.children('/etc').map((e) => e.path), ['/etc/hard', '/etc/passwd', '/etc/rel']);
});

test('reads honour the size cap', async () => {
  const vfs = tree();
  await assert.rejects(vfs.get('/var/passwd')!.read(2), /read limit/);
});
