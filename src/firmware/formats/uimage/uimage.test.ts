import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasCodec } from '../../codecs/index.js';
import { BufferSource, FileSource } from '../../source/index.js';
import type { Unpacked } from '../../types.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { fields, FIXED_EPOCH, tempDir, tool } from '../../../test-support/tools.js';
import { parseHeader, imageTypeLine, hex } from './header.js';
import { uimage } from './index.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}

const content = (b: { source: { size: number; read(o: number, l: number): Buffer } }) => b.source.read(0, b.source.size);

/** Pseudo-random but reproducible payload bytes. */
function payload(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = (x >>> 16) & 0xff;
  }
  return out;
}

/** A timestamp as dumpimage prints it (C `ctime` in UTC: "Mon Sep 22 08:47:07 2014"). */
function ctime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const [day, month] = [d.toUTCString().slice(0, 3), d.toUTCString().slice(8, 11)];
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
}

/** Asserts that our header decoding says what `dumpimage -l` says. */
function sameAsDumpimage(file: string, time = FIXED_EPOCH): void {
  const listed = fields(tool('dumpimage', ['-l', file]));
  const h = parseHeader(new BufferSource(readFileSync(file), file));
  assert.equal(listed.get('Image Name'), h.name);
  assert.equal(listed.get('Image Type'), imageTypeLine(h));
  assert.match(listed.get('Data Size') ?? '', new RegExp(`^${h.dataSize} Bytes`));
  assert.equal(listed.get('Load Address'), h.load.toString(16).padStart(8, '0'));
  assert.equal(listed.get('Entry Point'), h.entry.toString(16).padStart(8, '0'));
  assert.equal(h.time, time);
  assert.equal(listed.get('Created'), ctime(h.time));
}

test('uimage: mkimage kernel/ramdisk/multi/firmware images decode as dumpimage lists them', async (t) => {
  if (!hasTool('mkimage') || !hasTool('dumpimage') || !hasTool('gzip')) return t.skip('needs mkimage, dumpimage (u-boot-tools) and gzip');
  const { dir, cleanup } = tempDir('uimage');
  t.after(cleanup);
  const kernel = payload(70_000, 1);
  const initrd = Buffer.from('a small ramdisk of 29 bytes!\n');
  writeFileSync(join(dir, 'k.bin'), kernel);
  writeFileSync(join(dir, 'r.bin'), initrd);
  tool('gzip', ['-9nk', join(dir, 'k.bin')]);

  await t.test('gzip kernel: payload decompressed, CRCs verified', async () => {
    const img = join(dir, 'k.img');
    tool('mkimage', ['-A', 'mips', '-O', 'linux', '-T', 'kernel', '-C', 'gzip', '-a', '0x80010000', '-e', '0x80010400', '-n', 'test kernel', '-d', join(dir, 'k.bin.gz'), img]);
    sameAsDumpimage(img);
    const ctx = testContext();
    const out = await uimage.unpack(new FileSource(img), ctx);
    assert.deepEqual(ctx.warnings, []);
    const [blob] = blobs(out);
    assert.ok(content(blob!).equals(kernel));
    assert.equal(out.length, readFileSync(img).length);
  });

  await t.test('ramdisk, uncompressed: payload stored at offset 64', async () => {
    const img = join(dir, 'r.img');
    tool('mkimage', ['-A', 'arm', '-O', 'linux', '-T', 'ramdisk', '-C', 'none', '-n', 'rd', '-d', join(dir, 'r.bin'), img]);
    sameAsDumpimage(img);
    const [blob] = blobs(await uimage.unpack(new FileSource(img), testContext()));
    assert.equal(blob!.offset, 64);
    assert.ok(content(blob!).equals(initrd));
  });

  await t.test('multi-file image: one blob per sub-image, sizes as dumpimage lists them', async () => {
    const img = join(dir, 'm.img');
    tool('mkimage', ['-A', 'arm', '-O', 'linux', '-T', 'multi', '-C', 'none', '-n', 'multi', '-d', `${join(dir, 'r.bin')}:${join(dir, 'k.bin')}:${join(dir, 'r.bin')}`, img]);
    sameAsDumpimage(img);
    const sizes = [...tool('dumpimage', ['-l', img]).matchAll(/Image \d+: (\d+) Bytes/g)].map((m) => Number(m[1]));
    const got = blobs(await uimage.unpack(new FileSource(img), testContext()));
    assert.deepEqual(got.map((b) => b.source.size), sizes);
    assert.deepEqual(sizes, [29, 70_000, 29]);
    assert.ok(content(got[0]!).equals(initrd) && content(got[1]!).equals(kernel) && content(got[2]!).equals(initrd));
    // 29 is padded to 32: the second image starts at 64 + 4 * 4 (table) + 32.
    assert.equal(got[1]!.offset, 64 + 16 + 32);
  });

  for (const [comp, cmd, args] of [['lzma', 'lzma', ['-kc']], ['bzip2', 'bzip2', ['-kc']], ['zstd', 'zstd', ['-qc']], ['lz4', 'lz4', ['-qc']], ['lzo', 'lzop', ['-c']]] as const) {
    await t.test(`${comp} firmware: decompressed when the codec exists, raw with a warning otherwise`, async (st) => {
      if (!hasTool(cmd)) return st.skip(`${cmd} not installed`);
      const packed = Buffer.from(tool(cmd, [...args, join(dir, 'k.bin')]), 'latin1');
      writeFileSync(join(dir, `k.${comp}`), packed);
      const img = join(dir, `${comp}.img`);
      tool('mkimage', ['-A', 'arm64', '-O', 'u-boot', '-T', 'firmware', '-C', comp, '-n', comp, '-d', join(dir, `k.${comp}`), img]);
      sameAsDumpimage(img);
      const ctx = testContext();
      const [blob] = blobs(await uimage.unpack(new FileSource(img), ctx));
      // lzo payloads are lzop files: stored (incompressible) blocks decode without the lzo1x codec.
      const codec = ({ lz4: 'lz4-frame', lzo: 'lzo1x' } as const)[comp as 'lz4' | 'lzo'] ?? (comp as 'lzma' | 'bzip2' | 'zstd');
      if (ctx.warnings.length === 0) assert.ok(content(blob!).equals(kernel));
      else {
        assert.ok(content(blob!).equals(packed));
        assert.match(ctx.warnings.join('\n'), new RegExp(`${codec} (codec )?(is )?not available`));
      }
      if (hasCodec(codec)) assert.deepEqual(ctx.warnings, []);
    });
  }
});

test('uimage: CRC mismatches are warnings and the payload is still produced', async () => {
  const data = Buffer.from('payload bytes');
  const img = Buffer.alloc(64 + data.length);
  img.writeUInt32BE(0x27051956, 0);
  img.writeUInt32BE(data.length, 12);
  img.writeUInt32BE(0x12345678, 24); // wrong data CRC
  img.set([5, 2, 2, 0], 28);
  img.write('bad crcs', 32, 'latin1');
  data.copy(img, 64);
  const ctx = testContext();
  const [blob] = blobs(await uimage.unpack(new BufferSource(img, 'img'), ctx));
  assert.ok(content(blob!).equals(data));
  assert.equal(ctx.warnings.length, 2);
  assert.match(ctx.warnings[0]!, /header CRC mismatch: stored 0x00000000/);
  assert.match(ctx.warnings[1]!, /data CRC mismatch: stored 0x12345678/);
});

test('uimage: probe rejects garbage; hostile headers give FormatError, never a crash', async () => {
  assert.equal(uimage.probe(new BufferSource(Buffer.alloc(100), 'zeros')), null);
  assert.equal(uimage.probe(new BufferSource(Buffer.from([0x27, 0x05, 0x19, 0x56]), 'short')), null);
  const multi = Buffer.alloc(64 + 8);
  multi.writeUInt32BE(0x27051956, 0);
  multi.writeUInt32BE(8, 12);
  multi.set([5, 2, 4, 0], 28);
  multi.writeUInt32BE(0xffffffff, 64); // a sub-image far larger than the data
  await assert.rejects(uimage.unpack(new BufferSource(multi, 'm'), testContext()), { name: 'FormatError' });
  const unterminated = Buffer.alloc(64 + 8, 1);
  unterminated.writeUInt32BE(0x27051956, 0);
  unterminated.writeUInt32BE(8, 12);
  unterminated[30] = 4;
  await assert.rejects(uimage.unpack(new BufferSource(unterminated, 'u'), testContext()), { name: 'FormatError' });
});

// dumpimage 2023.01 only lists a legacy image whose file size is exactly header + data, so the uImages inside
// the corpus files are cut out at the length our probe reports and then compared with its listing.
test('uimage: the uImages inside corpus files match dumpimage -l once cut to the probed length', async (t) => {
  if (!hasTool('dumpimage')) return t.skip('needs dumpimage (u-boot-tools)');
  const { dir, cleanup } = tempDir('uimage-corpus');
  t.after(cleanup);
  for (const [path, offset, created] of [['fact_extractor/uboot/uboot.image_with_header', 0, 1411375627], ['fact_extractor/tpl/test.tpl', 15488, 1442827151]] as const) {
    const file = corpusFile(path);
    if (!file) return t.skip('corpus not present');
    const whole = new FileSource(file);
    const src = whole.slice(offset, whole.size - offset);
    const length = uimage.probe(src)!.length!;
    const cut = join(dir, 'cut.img');
    writeFileSync(cut, src.read(0, length));
    sameAsDumpimage(cut, created);
    const ctx = testContext();
    await uimage.unpack(src, ctx);
    assert.deepEqual(ctx.warnings.filter((w) => /CRC/.test(w)), [], `${path}: both CRCs verify`);
  }
});

// binwalk 2.3.4's decoding of the same header (recorded on this project's machine).
test('uimage: corpus uboot.image_with_header matches binwalk 2.3.4', async (t) => {
  const file = corpusFile('fact_extractor/uboot/uboot.image_with_header');
  if (!file) return t.skip('corpus not present');
  const src = new FileSource(file);
  const h = parseHeader(src);
  assert.equal(hex(h.headerCrc), '0x05037284');
  assert.equal(h.headerCrc, h.computedHeaderCrc);
  assert.equal(new Date(h.time * 1000).toISOString(), '2014-09-22T08:47:07.000Z');
  assert.equal(h.dataSize, 32753);
  assert.equal(hex(h.load), '0x80010000');
  assert.equal(hex(h.dataCrc), '0x385a8513');
  assert.equal(imageTypeLine(h), 'MIPS Linux Firmware (lzma compressed)');
  assert.equal(h.name, 'u-boot image');
  const probe = uimage.probe(src);
  assert.equal(probe?.length, 64 + 32753);
  const ctx = testContext();
  const out = await uimage.unpack(src, ctx);
  assert.deepEqual(ctx.warnings.filter((w) => !/codec not available/.test(w)), []);
  assert.equal(out.length, 64 + 32753);
  const [blob] = blobs(out);
  if (hasCodec('lzma')) assert.equal(blob!.source.size, 93576); // binwalk: "uncompressed size: 93576 bytes"
  else assert.equal(blob!.source.size, 32753);
});

test('uimage: corpus uboot.dtb is a truncated ARM kernel image', async (t) => {
  const file = corpusFile('fact_extractor/uboot/uboot.dtb');
  if (!file) return t.skip('corpus not present');
  const src = new FileSource(file);
  const h = parseHeader(src);
  assert.equal(imageTypeLine(h), 'ARM Linux Kernel Image (uncompressed)');
  assert.equal(h.name, 'DD-XYZ');
  assert.equal(h.dataSize, 2363353);
  const ctx = testContext();
  const out = await uimage.unpack(src, ctx);
  assert.equal(out.length, src.size);
  assert.match(ctx.warnings.join('\n'), /truncated: header says 2363353 bytes, 35257 present/);
  const [blob] = blobs(out);
  // binwalk: an ARM zImage right after the header.
  assert.equal(blob!.source.read(0x24, 4).readUInt32LE(0), 0x016f2818);
});
