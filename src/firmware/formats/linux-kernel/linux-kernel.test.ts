import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hasCodec } from '../../codecs/index.js';
import { BufferSource, FileSource } from '../../source/index.js';
import type { ByteSource, Unpacked } from '../../types.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { tempDir, tool } from '../../../test-support/tools.js';
import { linuxKernel } from './index.js';
import { buildElf, buildZImage } from './test-images.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}
const bytes = (s: ByteSource) => Buffer.from(s.read(0, s.size));

// Reference decompressors (Debian) and their arguments, per payload compression of the corpus bzImages.
const TOOLS = { gzip: ['gzip', '-dc'], bzip2: ['bzip2', '-dc'], lzma: ['lzma', '-dc'], xz: ['xz', '-dc'], lzo: ['lzop', '-dc'], lz4: ['lz4', '-dc'] } as const;
const CODEC = { gzip: 'gzip', bzip2: 'bzip2', lzma: 'lzma', xz: 'xz', lzo: 'lzo1x', lz4: 'lz4-frame' } as const;

for (const name of ['gzip', 'bzip2', 'lzma', 'xz', 'lzo', 'lz4'] as const) {
  test(`linux-kernel: corpus bzImage_${name}: setup header, payload located exactly, kernel 5.4.72`, async (t) => {
    const file = corpusFile(`fact_extractor/linuxkernel/bzImage_${name}`);
    if (!file) return t.skip('corpus not present');
    const src = new FileSource(file);
    const probe = linuxKernel.probe(src)!;
    assert.match(probe.description, new RegExp(`^Linux x86 bzImage, boot protocol 2\\.13, version 5\\.4\\.72 \\(root@caesurus-ubuntu20-04\\) #\\d .*2020, ${name}-compressed kernel of \\d+ bytes at 17001$`));
    const ctx = testContext();
    const [kernel, ...rest] = blobs(await linuxKernel.unpack(src, ctx));
    assert.equal(rest.length, 0);
    const codec = CODEC[name];
    if (codec !== undefined && hasCodec(codec)) {
      assert.equal(kernel!.source.size, 1015400); // the size the build appended to the payload
      assert.match(kernel!.description!, /Linux version 5\.4\.72 \(root@caesurus-ubuntu20-04\) \(gcc version 9\.3\.0/);
      assert.equal(bytes(kernel!.source).subarray(0, 4).toString('latin1'), '\x7fELF');
      assert.match(linuxKernel.probe(kernel!.source)!.description, /^Linux kernel ELF \(vmlinux\), Linux version 5\.4\.72/);
      assert.deepEqual(blobs(await linuxKernel.unpack(kernel!.source, testContext())), []); // no initramfs built in
      return;
    }
    assert.equal(kernel!.offset, 17001); // binwalk: "gzip compressed data" at 17001 in bzImage_gzip
    assert.match(ctx.warnings.join('\n'), /not available|lzop/);
    const [cmd, ...args] = TOOLS[name];
    if (!hasTool(cmd)) return t.skip(`${cmd} not installed for the reference decompression`);
    // The reference tool must decompress exactly the stream we located to the appended size.
    const { dir, cleanup } = tempDir('kernel');
    t.after(cleanup);
    writeFileSync(join(dir, 'payload'), bytes(kernel!.source));
    const out = Buffer.from(tool(cmd, [...args, join(dir, 'payload')]), 'latin1');
    assert.equal(out.length, 1015400);
    assert.equal(out.subarray(0, 4).toString('latin1'), '\x7fELF');
  });
}

test('linux-kernel: corpus zImage_be32 is a big-endian ARM zImage (binwalk 2.3.4), truncated', async (t) => {
  const file = corpusFile('fact_extractor/linuxkernel/zImage_be32');
  if (!file) return t.skip('corpus not present');
  const src = new FileSource(file);
  assert.equal(linuxKernel.probe(src)?.description, 'Linux ARM zImage (big-endian), 11946940 bytes');
  const ctx = testContext();
  const out = await linuxKernel.unpack(src, ctx);
  assert.equal(out.length, src.size);
  assert.deepEqual(ctx.warnings, ['zImage: truncated, header says 11946940 bytes, 13132 present', 'zImage: no compressed kernel found in the decompressor stub']);
});

function cpioArchive(t: { skip(m: string): void }): Buffer | undefined {
  if (!hasTool('cpio')) {
    t.skip('cpio not installed');
    return undefined;
  }
  const { dir, cleanup } = tempDir('initramfs');
  try {
    writeFileSync(join(dir, 'init'), '#!/bin/sh\necho hello\n');
    writeFileSync(join(dir, 'list'), 'init\n');
    return Buffer.from(tool('sh', ['-c', 'cpio -o -H newc --quiet < list'], dir), 'latin1');
  } finally {
    cleanup();
  }
}

/** cpio pads its output to 512-byte blocks; the archive ends with the TRAILER!!! entry, and cpio lists it. */
function assertSameArchive(found: Buffer, made: Buffer): void {
  assert.ok(made.subarray(0, found.length).equals(found), 'a prefix of the archive cpio wrote');
  assert.ok(made.subarray(found.length).every((b) => b === 0), 'only block padding left out');
  assert.ok(found.toString('latin1').endsWith('TRAILER!!!\0\0\0\0'));
  assert.equal(tool('sh', ['-c', 'cpio -t --quiet'], undefined, found), 'init\n');
}

const BANNER = 'Linux version 6.1.0-test (builder@host) (gcc 12) #1 SMP';

test('linux-kernel: ARM zImage (LE and BE): gzip kernel carved from the stub, banner and cpio initramfs', async (t) => {
  const cpio = cpioArchive(t);
  if (!cpio) return;
  // The kernel's own code holds the string "070701" too: carving must skip it and take the real archive.
  const kernel = Buffer.concat([Buffer.alloc(300, 0xe1), Buffer.from('070701 in code\0', 'latin1'), Buffer.from(`${BANNER}\n\0`, 'latin1'), Buffer.alloc(77, 0x11), cpio, Buffer.alloc(512)]);
  for (const endian of ['LE', 'BE'] as const) {
    const img = buildZImage(gzipSync(kernel), endian);
    const src = new BufferSource(img, `zImage-${endian}`);
    assert.match(linuxKernel.probe(src)!.description, new RegExp(`zImage \\(${endian === 'LE' ? 'little' : 'big'}-endian\\)`));
    const ctx = testContext();
    const [image, initramfs] = blobs(await linuxKernel.unpack(src, ctx));
    assert.deepEqual(ctx.warnings, []);
    assert.ok(bytes(image!.source).equals(kernel));
    assert.match(image!.description!, new RegExp(`gzip-compressed kernel carved at 256.*; ${BANNER.replace(/[()]/g, '\\$&')}`));
    assertSameArchive(bytes(initramfs!.source), cpio);
  }
});

test('linux-kernel: vmlinux ELF: banner from .rodata, initramfs from .init.ramfs (plain and gzip)', async (t) => {
  const cpio = cpioArchive(t);
  if (!cpio) return;
  for (const ramfs of [cpio, gzipSync(cpio)]) {
    const elf = buildElf({ '.init.text': Buffer.alloc(64, 0x90), __param: Buffer.alloc(16), __ex_table: Buffer.alloc(16), '.rodata': Buffer.from(`xx${BANNER}\n\0`, 'latin1'), '.init.ramfs': ramfs });
    const src = new BufferSource(elf, 'vmlinux');
    assert.equal(linuxKernel.probe(src)?.description, `Linux kernel ELF (vmlinux), ${BANNER}`);
    const [initramfs] = blobs(await linuxKernel.unpack(src, testContext()));
    if (ramfs === cpio) assertSameArchive(bytes(initramfs!.source), cpio);
    else assert.ok(bytes(initramfs!.source).equals(ramfs));
    assert.match(initramfs!.description!, ramfs === cpio ? /\(cpio\)/ : /\(gzip\)/);
  }
  const plainElf = buildElf({ '.text': Buffer.alloc(16), '.rodata': Buffer.from(BANNER) });
  assert.equal(linuxKernel.probe(new BufferSource(plainElf, 'not a kernel')), null);
});

test('linux-kernel: hostile headers are rejected without crashing', async () => {
  const file = corpusFile('fact_extractor/linuxkernel/bzImage_gzip');
  const base = file ? readFileSync(file).subarray(0, 0x1000) : Buffer.alloc(0x1000);
  const bad = Buffer.from(base);
  bad.write('HdrS', 0x202, 'latin1');
  bad.writeUInt16LE(0x20d, 0x206);
  bad.writeUInt32LE(0x7fffffff, 0x24c); // payload_length past the end
  assert.equal(linuxKernel.probe(new BufferSource(bad, 'bad')), null);
  await assert.rejects(linuxKernel.unpack(new BufferSource(bad, 'bad'), testContext()), { name: 'FormatError' });
  const elf = buildElf({ '.init.text': Buffer.alloc(4) });
  elf.writeUInt16LE(0xffff, 0x30); // e_shnum
  assert.equal(linuxKernel.probe(new BufferSource(elf, 'elf')), null);
  const z = buildZImage(Buffer.from('no compressed data here'), 'LE');
  const ctx = testContext();
  assert.deepEqual(blobs(await linuxKernel.unpack(new BufferSource(z, 'z'), ctx)), []);
  assert.match(ctx.warnings[0]!, /no compressed kernel found/);
});
