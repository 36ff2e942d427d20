import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFile, hasTool, run } from '../../../test-support/corpus.js';
import { tempDir } from '../../../test-support/trees.js';
import { hasCodec } from '../../codecs/index.js';
import { BufferSource, FileSource } from '../../source/index.js';
import type { ByteSource, Vfs } from '../../types.js';
import { standaloneContext } from '../../unpack/index.js';
import { zip } from './index.js';

const noPython = !hasTool('python3') && 'python3 is not installed';

// Writes a zip with python's zipfile: stored, deflated, bzip2 and LZMA members, unix modes, a symlink,
// directories, a UTF-8 name, an empty file, a zip64 member and an archive comment.
const MAKE_ZIP = `
import sys, zipfile, stat
path = sys.argv[1]
with zipfile.ZipFile(path, 'w') as z:
    z.comment = b'archive comment'
    def add(name, data, mode=0o644, ctype=zipfile.ZIP_DEFLATED, kind=stat.S_IFREG, date=(2020, 5, 17, 13, 45, 30)):
        info = zipfile.ZipInfo(name, date_time=date)
        info.create_system = 3
        info.external_attr = (kind | mode) << 16
        info.compress_type = ctype
        z.writestr(info, data)
    add('etc/', b'', 0o755, zipfile.ZIP_STORED, stat.S_IFDIR)
    add('etc/passwd', b'root:x:0:0::/root:/bin/sh\\n' * 50)
    add('etc/shadow', b'root:*:1::::::\\n', 0o600, zipfile.ZIP_STORED)
    add('bin/busybox', bytes(range(256)) * 400, 0o4755)
    add('bin/sh', b'busybox', 0o777, zipfile.ZIP_STORED, stat.S_IFLNK)
    add('grüße.txt', b'utf-8 name')
    add('empty', b'')
    dos = zipfile.ZipInfo('DOS/READONLY.TXT', date_time=(2019, 1, 1, 0, 0, 0))
    dos.create_system = 0
    dos.external_attr = 0x01
    z.writestr(dos, b'read-only on DOS')
    add('data.bz2member', b'bzip2 content ' * 100, ctype=zipfile.ZIP_BZIP2)
    add('data.lzmamember', b'lzma content ' * 100, ctype=zipfile.ZIP_LZMA)
    info = zipfile.ZipInfo('big/zip64.bin', date_time=(2021, 1, 1, 0, 0, 0))
    info.create_system = 3
    info.external_attr = 0o100640 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, 'w', force_zip64=True) as f:
        f.write(b'z' * 100000)
`;

// Lists a zip as python's zipfile reads it: name, size, unix mode, and the sha256 of the content.
const LIST_ZIP = `
import sys, zipfile, json, hashlib
with zipfile.ZipFile(sys.argv[1]) as z:
    out = []
    for i in z.infolist():
        entry = {'name': i.filename, 'dir': i.is_dir(), 'size': i.file_size, 'mode': i.external_attr >> 16}
        try:
            entry['sha256'] = hashlib.sha256(z.read(i)).hexdigest()
        except Exception as e:
            entry['error'] = type(e).__name__
        out.append(entry)
    print(json.dumps(out))
`;

interface PyEntry {
  name: string;
  dir: boolean;
  size: number;
  mode: number;
  sha256?: string;
}

async function unpack(src: ByteSource): Promise<{ vfs: Vfs; length: number; warnings: string[] }> {
  assert.ok(zip.probe(src), 'probe accepts the archive');
  const ctx = standaloneContext();
  const out = await zip.unpack(src, ctx);
  if (out.kind !== 'tree') throw new Error('expected a tree');
  return { vfs: out.vfs, length: out.length, warnings: ctx.finish() };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Compares our tree with python's view; members whose codec is not built in are listed but unreadable. */
async function compareWithPython(vfs: Vfs, archive: string): Promise<void> {
  const reference = JSON.parse(run('python3', ['-c', LIST_ZIP, archive]).toString('utf8')) as PyEntry[];
  const ours = vfs.entries().filter((e) => e.path !== '/');
  assert.equal(ours.length, reference.length);
  for (const ref of reference) {
    const path = `/${ref.name.replace(/\/$/, '')}`;
    const entry = vfs.get(path);
    assert.ok(entry, `${path} is listed`);
    if (ref.dir) {
      assert.equal(entry.type, 'dir', path);
      continue;
    }
    if (ref.mode !== 0) assert.equal(entry.mode, ref.mode & 0o7777, `${path} mode`);
    if ((ref.mode & 0o170000) === 0o120000) {
      assert.equal(entry.type, 'symlink', path);
      continue;
    }
    assert.equal(entry.size, ref.size, `${path} size`);
    const needs = path.endsWith('bz2member') ? 'bzip2' : path.endsWith('lzmamember') ? 'lzma-raw' : undefined;
    if (needs && !hasCodec(needs)) await assert.rejects(entry.read(), /not supported/);
    else assert.equal(sha(await entry.read()), ref.sha256, `${path} content`);
  }
}

test('a zip written by python lists and reads like python reads it', { skip: noPython }, async () => {
  const tmp = tempDir();
  try {
    const archive = join(tmp.dir, 't.zip');
    run('python3', ['-c', MAKE_ZIP, archive]);
    const { vfs, length, warnings } = await unpack(new FileSource(archive));
    assert.equal(length, readFileSync(archive).length, 'the EOCD and comment end the archive');
    await compareWithPython(vfs, archive);
    assert.equal(vfs.get('/bin/sh')?.target, 'busybox');
    assert.equal(vfs.get('/bin/busybox')?.mode, 0o4755);
    assert.equal(vfs.get('/etc/passwd')?.mtime, Date.UTC(2020, 4, 17, 13, 45, 30) / 1000);
    assert.equal(vfs.get('/big/zip64.bin')?.size, 100000);
    assert.equal(vfs.get('/DOS/READONLY.TXT')?.mode, 0o444, 'the DOS read-only attribute');
    const missing = ['bzip2', 'lzma-raw'].filter((c) => !hasCodec(c as 'bzip2'));
    assert.equal(warnings.length, missing.length, warnings.join('\n'));
  } finally {
    tmp.cleanup();
  }
});

test('the corpus zip (binwalk zip.bin) reads like python reads it', { skip: (!corpusFile('binwalk/zip.bin') && 'corpus not present') || noPython }, async () => {
  const path = corpusFile('binwalk/zip.bin')!;
  const { vfs, length } = await unpack(new FileSource(path));
  assert.equal(length, readFileSync(path).length);
  await compareWithPython(vfs, path);
  assert.equal(vfs.get('/CH-sys-48.53.64.67.bin')?.mode, 0o600, 'a unix mode left by a non-unix host is used, as python does');
});

let small: Buffer | undefined;

/** A small python-made zip with one deflated member, for tampering (a fresh copy each call). */
function smallZip(): Buffer {
  small ??= makeSmallZip();
  return Buffer.from(small);
}

function makeSmallZip(): Buffer {
  const tmp = tempDir();
  try {
    const archive = join(tmp.dir, 's.zip');
    run('python3', ['-c', `import zipfile\nwith zipfile.ZipFile(${JSON.stringify(archive)}, 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('a.txt', b'hello zip ' * 100)`]);
    return readFileSync(archive);
  } finally {
    tmp.cleanup();
  }
}

const central = (b: Buffer) => b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));

test('local header sizes are never trusted over the central directory', { skip: noPython }, async () => {
  const bytes = smallZip();
  bytes.writeUInt32LE(0xffffffff, 18); // local compressed size
  bytes.writeUInt32LE(0x7fffffff, 22); // local uncompressed size
  const { vfs } = await unpack(new BufferSource(bytes, 'z'));
  assert.equal((await vfs.readFile('/a.txt'))?.toString(), 'hello zip '.repeat(100));
});

test('a central size smaller than the data, a bad CRC, encryption and unknown methods fail cleanly', { skip: noPython }, async () => {
  const lying = smallZip();
  lying.writeUInt32LE(10, central(lying) + 24);
  const a = await unpack(new BufferSource(lying, 'z'));
  await assert.rejects(a.vfs.readFile('/a.txt'), { name: 'FormatError' });

  const badCrc = smallZip();
  badCrc.writeUInt32LE(0x12345678, central(badCrc) + 16);
  const b = await unpack(new BufferSource(badCrc, 'z'));
  await assert.rejects(b.vfs.readFile('/a.txt'), /CRC-32 mismatch/);

  const encrypted = smallZip();
  encrypted.writeUInt16LE(1, central(encrypted) + 8);
  const c = await unpack(new BufferSource(encrypted, 'z'));
  assert.match(c.warnings.join(), /1 entries cannot be read: encrypted/);
  await assert.rejects(c.vfs.readFile('/a.txt'), /encrypted/);

  const deflate64 = smallZip();
  deflate64.writeUInt16LE(9, central(deflate64) + 10);
  const d = await unpack(new BufferSource(deflate64, 'z'));
  assert.match(d.warnings.join(), /deflate64 \(unsupported\)/);
});

test('an archive followed by other data ends at its own EOCD; a broken directory is malformed', { skip: noPython }, async () => {
  const bytes = smallZip();
  const withTail = Buffer.concat([bytes, Buffer.alloc(5000, 0x41), smallZip()]);
  const { length } = await unpack(new BufferSource(withTail, 'z'));
  assert.equal(length, bytes.length);

  const broken = smallZip();
  broken.writeUInt32LE(0, central(broken));
  await assert.rejects(zip.unpack(new BufferSource(broken, 'z'), standaloneContext()), { name: 'FormatError' });
});

test('huge entry counts and directory sizes are refused before anything is allocated', { skip: noPython }, async () => {
  const bytes = smallZip();
  const eocd = bytes.length - 22;
  bytes.writeUInt16LE(0xfffe, eocd + 8);
  bytes.writeUInt16LE(0xfffe, eocd + 10);
  await assert.rejects(zip.unpack(new BufferSource(bytes, 'z'), standaloneContext({ limits: { maxEntries: 1000 } })), { code: 'ERR_UNPACK_LIMIT' });
  await assert.rejects(zip.unpack(new BufferSource(bytes, 'z'), standaloneContext()), { name: 'FormatError' });
});

test('the probe wants a plausible local header, not just the magic', () => {
  const header = Buffer.alloc(80);
  header.writeUInt32LE(0x04034b50, 0);
  assert.equal(zip.probe(new BufferSource(header, 'z')), null, 'no name');
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(5, 26);
  assert.ok(zip.probe(new BufferSource(header, 'z')));
  header.writeUInt16LE(0x8000, 6);
  assert.equal(zip.probe(new BufferSource(header, 'z')), null, 'reserved flag bits');
});
