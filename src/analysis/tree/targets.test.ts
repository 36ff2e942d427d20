import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firmwareEvidence, vfsFromFiles } from '../../test-support/vfs.js';
import { targetsOf } from './index.js';

test('deep-unpacked manuals and changelogs are not targets; compressed configuration and the root tree are', () => {
  const fw = firmwareEvidence('fw.bin',
    vfsFromFiles({ '/etc/passwd': 'root:*:0:0::/root:/bin/sh\n' }, '0x0-squashfs'),
    vfsFromFiles({ '/data': 'ftp://ftp.example.org\n' }, '0x0-squashfs/usr/share/man/man8/mount.8.gz@0x0-gzip'),
    vfsFromFiles({ '/data': 'see http://example.org\n' }, '0x0-squashfs/usr/share/doc/gzip/changelog.gz@0x0-gzip'),
    vfsFromFiles({ '/data': 'password=x\n' }, '0x0-squashfs/etc/config/settings.gz@0x0-gzip'),
    vfsFromFiles({ '/usr/share/doc/x/README': 'text\n' }, '0x40-cpio'));
  const targets = targetsOf([fw]);
  assert.deepEqual(targets.map((t) => t.vfs.layer), ['0x0-squashfs', '0x0-squashfs/etc/config/settings.gz@0x0-gzip', '0x40-cpio']);
  assert.ok(targets.every((t) => t.several));
});
