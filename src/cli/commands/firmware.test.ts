import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newc, randomBytes, ustar } from '../../test-support/archives.js';
import { hasTool, run } from '../../test-support/corpus.js';
import { captureIo } from '../../test-support/io.js';
import { snapshot, tempDir } from '../../test-support/trees.js';
import { DirectoryVfs } from '../../firmware/index.js';
import { main } from '../main.js';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(['node', 'iotcop', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const TAR = ustar([
  { name: 'etc/', type: 'dir' },
  { name: 'etc/passwd', data: 'root::0:0::/root:/bin/sh\n' },
  { name: 'etc/shadow', data: 'root:*:1::::::\n', mode: 0o600 },
  { name: 'bin/sh', type: 'symlink', target: 'busybox' },
]);

function image(dir: string, bytes: Buffer, name = 'image.bin'): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

test('ls --json gives exactly path, type, mode, uid, gid, size, target, layer for every entry of every layer', async () => {
  const tmp = tempDir();
  try {
    const path = image(tmp.dir, Buffer.concat([TAR, randomBytes(100, 2), newc([{ name: 'init', data: 'x' }])]));
    const { code, out } = await cli('ls', '--json', path);
    assert.equal(code, 0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    for (const row of rows) assert.deepEqual(Object.keys(row), ['path', 'type', 'mode', 'uid', 'gid', 'size', 'target', 'layer']);
    assert.deepEqual(rows.map((r) => [r.layer, r.path, r.type, r.target]), [
      ['0x0-tar', '/bin/sh', 'symlink', 'busybox'],
      ['0x0-tar', '/etc', 'dir', null],
      ['0x0-tar', '/etc/passwd', 'file', null],
      ['0x0-tar', '/etc/shadow', 'file', null],
      [`0x${(TAR.length + 100).toString(16)}-cpio`, '/init', 'file', null],
    ]);
    assert.equal(rows[3]!.mode, 0o600);
  } finally {
    tmp.cleanup();
  }
});

test('ls --long prints ls -l style lines; plain ls prints paths', async () => {
  const tmp = tempDir();
  try {
    const path = image(tmp.dir, TAR);
    const long = await cli('ls', '--long', path);
    assert.equal(long.code, 0);
    assert.deepEqual(long.out.split('\n').filter(Boolean), [
      'lrwxrwxrwx 0/0  7 2021-01-14 08:25 /bin/sh -> busybox',
      'drwxr-xr-x 0/0  0 2021-01-14 08:25 /etc',
      '-rw-r--r-- 0/0 25 2021-01-14 08:25 /etc/passwd',
      '-rw------- 0/0 15 2021-01-14 08:25 /etc/shadow',
    ]);
    assert.equal((await cli('ls', path)).out, '/bin/sh\n/etc\n/etc/passwd\n/etc/shadow\n');
  } finally {
    tmp.cleanup();
  }
});

test('identify prints the layer tree with unknown regions; --json prints the unpack log', async () => {
  const tmp = tempDir();
  try {
    const path = image(tmp.dir, Buffer.concat([randomBytes(0x200, 5), TAR]));
    const text = await cli('identify', path);
    assert.equal(text.code, 0);
    assert.match(text.out, /├─ unknown 0x0\+0x200 {2}entropy 7\.\d\d \(high: compressed or encrypted\)/);
    assert.match(text.out, /└─ tar 0x200\+0x1000 \(carved\) {2}tar archive \(POSIX ustar\) {2}-> 4 entries, 40 bytes/);
    const json = await cli('identify', '--json', path);
    const log = JSON.parse(json.out) as { layers: { id: string; format: string; carved: boolean }[]; unknown: { offset: number }[]; sha256: string };
    assert.deepEqual(Object.keys(log), ['image', 'size', 'sha256', 'layers', 'unknown']);
    assert.deepEqual(log.layers.map((l) => [l.id, l.format, l.carved]), [['0x200-tar', 'tar', true]]);
    assert.deepEqual(log.unknown.map((u) => u.offset), [0]);
  } finally {
    tmp.cleanup();
  }
});

test('unpack writes the tree as tar -x does, refuses a non-empty output without --force', { skip: !hasTool('tar') && 'tar is not installed' }, async () => {
  const tmp = tempDir();
  try {
    const path = image(tmp.dir, TAR, 'image.tar');
    const out = join(tmp.dir, 'out');
    const first = await cli('unpack', path, '-o', out);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /wrote 2 files/);
    const theirs = join(tmp.dir, 'theirs');
    mkdirSync(theirs);
    run('tar', ['-xpf', path, '-C', theirs]);
    assert.deepEqual(await snapshot(new DirectoryVfs(out, 'x'), { skipRoot: true }), await snapshot(new DirectoryVfs(theirs, 'x'), { skipRoot: true }));

    const again = await cli('unpack', path, '-o', out);
    assert.equal(again.code, 2);
    assert.match(again.err, /ERR_OUTPUT_WRITE: output directory .* is not empty/);
    assert.equal((await cli('unpack', path, '-o', out, '--force', '--quiet')).code, 0);
  } finally {
    tmp.cleanup();
  }
});

test('clear errors: missing input, nothing recognised, bad limit values', async () => {
  const tmp = tempDir();
  try {
    const missing = await cli('ls', join(tmp.dir, 'nope.bin'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /ERR_INPUT_NOT_FOUND/);
    const noise = image(tmp.dir, randomBytes(4096, 9));
    const unknown = await cli('unpack', noise, '-o', join(tmp.dir, 'o'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /ERR_FORMAT_UNSUPPORTED/);
    assert.equal((await cli('identify', noise)).code, 0, 'identify reports unknown images without failing');
    assert.equal((await cli('ls', '--max-bytes', 'lots', noise)).code, 2);
    assert.equal((await cli('ls', '--layer-timeout', '-1', noise)).code, 2);
  } finally {
    tmp.cleanup();
  }
});

test('limit options reach the driver: --max-entries stops a layer and identify shows the error', async () => {
  const tmp = tempDir();
  try {
    const path = image(tmp.dir, TAR);
    const { out } = await cli('identify', '--max-entries', '2', path);
    assert.match(out, /error ERR_UNPACK_LIMIT: 0x0-tar: more than 2 entries/);
  } finally {
    tmp.cleanup();
  }
});
