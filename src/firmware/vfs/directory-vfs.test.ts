import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tempDir } from '../../test-support/trees.js';
import { unpackImage } from '../unpack/index.js';
import { DirectoryVfs } from './directory-vfs.js';

function rootfs(base: string): { root: string; outside: string } {
  const root = join(base, 'rootfs');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'etc'), { recursive: true });
  mkdirSync(join(root, 'var'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret'), 'host secret');
  writeFileSync(join(root, 'var/passwd'), 'root::0:0::/root:/bin/sh\n');
  symlinkSync('/var/passwd', join(root, 'etc/passwd'));
  symlinkSync('../../../../../../etc/hostname', join(root, 'etc/climb'));
  symlinkSync(outside, join(root, 'mnt'));
  writeFileSync(join(root, 'bin/busybox'), 'ELF');
  chmodSync(join(root, 'bin/busybox'), 0o4755);
  linkSync(join(root, 'bin/busybox'), join(root, 'bin/sh'));
  execFileSync('mkfifo', [join(root, 'fifo')]);
  return { root, outside };
}

test('a directory is listed with lstat: symlinks stay links and are resolved inside the tree only', async () => {
  const tmp = tempDir();
  try {
    const { root } = rootfs(tmp.dir);
    const vfs = new DirectoryVfs(root, 'dir');
    assert.deepEqual(vfs.entries().map((e) => `${e.type} ${e.path}`), [
      'dir /', 'dir /bin', 'file /bin/busybox', 'hardlink /bin/sh', 'dir /etc', 'symlink /etc/climb', 'symlink /etc/passwd',
      'fifo /fifo', 'symlink /mnt', 'dir /var', 'file /var/passwd',
    ]);
    assert.equal(vfs.get('/bin/busybox')?.mode, 0o4755);
    assert.equal(vfs.get('/bin/sh')?.target, '/bin/busybox');
    assert.equal((await vfs.readFile('/etc/passwd'))?.toString(), 'root::0:0::/root:/bin/sh\n', 'the absolute link resolves in the tree');
    assert.equal((await vfs.readFile('/bin/sh'))?.toString(), 'ELF');
    assert.equal(await vfs.readFile('/mnt/secret'), undefined, 'a link to a directory outside is not followed');
    assert.equal(await vfs.readFile('/etc/climb'), undefined);
  } finally {
    tmp.cleanup();
  }
});

test('unpackImage on a directory gives one directory layer', async () => {
  const tmp = tempDir();
  try {
    const { root } = rootfs(tmp.dir);
    const ev = await unpackImage(root);
    assert.deepEqual(ev.log.layers.map((l) => [l.id, l.format, l.produced.entries]), [['0x0-directory', 'directory', 11]]);
    assert.equal(ev.filesystems.length, 1);
    assert.match(ev.log.sha256, /^[0-9a-f]{64}$/);
    const again = await unpackImage(root);
    assert.equal(again.log.sha256, ev.log.sha256, 'the listing hash is stable');
    const limited = await unpackImage(root, { limits: { maxEntries: 3 } });
    assert.equal(limited.log.layers[0]?.error?.code, 'ERR_UNPACK_LIMIT');
    assert.equal(limited.filesystems.length, 0);
  } finally {
    tmp.cleanup();
  }
});
