import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BufferSource, FileSource } from '../../source/index.js';
import type { ByteSource, Unpacked } from '../../types.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { tempDir, tool } from '../../../test-support/tools.js';
import { parseFdt } from '../device-tree/fdt.js';
import { fitImages } from './images.js';
import { fit } from './index.js';

function blobs(u: Unpacked) {
  assert.equal(u.kind, 'blobs');
  return u.kind === 'blobs' ? u.blobs : [];
}
const bytes = (s: ByteSource) => s.read(0, s.size);

interface Listed {
  name: string;
  fields: Map<string, string>;
  hashes: { algo: string; value: string }[];
}

/** The per-image sections of `dumpimage -l` on a FIT. */
function dumpimageImages(file: string): Listed[] {
  const out: Listed[] = [];
  for (const line of tool('dumpimage', ['-l', file]).split('\n')) {
    const head = /^ Image \d+ \((.+)\)$/.exec(line);
    if (head) out.push({ name: head[1]!, fields: new Map(), hashes: [] });
    else if (/^ (Default )?Configuration/.test(line)) break;
    const m = /^ {2}([^:]+):\s+(.*)$/.exec(line);
    const cur = out.at(-1);
    if (!m || !cur) continue;
    if (m[1] === 'Hash algo') cur.hashes.push({ algo: m[2]!, value: '' });
    else if (m[1] === 'Hash value') cur.hashes.at(-1)!.value = m[2]!;
    else cur.fields.set(m[1]!, m[2]!);
  }
  return out;
}

/** Asserts our image list (names, descriptions, compression, data sizes, hash values) equals dumpimage's. */
function sameAsDumpimage(file: string): void {
  const src = new BufferSource(readFileSync(file), file);
  const ours = fitImages(src, parseFdt(src));
  const listed = dumpimageImages(file);
  assert.deepEqual(ours.map((i) => i.name), listed.map((l) => l.name));
  ours.forEach((img, i) => {
    const l = listed[i]!;
    assert.equal(l.fields.get('Description'), img.description);
    assert.equal(l.fields.get('Compression'), img.compression === 'none' ? 'uncompressed' : `${img.compression} compressed`);
    assert.ok('length' in img.data);
    assert.match(l.fields.get('Data Size')!, new RegExp(`^${img.data.length} Bytes`));
    assert.deepEqual(l.hashes, img.hashes.map((h) => ({ algo: h.algo, value: h.value!.toString('hex') })));
  });
}

const ITS = `/dts-v1/;
/ {
  description = "test fit";
  timestamp = <1700000000>;
  #address-cells = <1>;
  images {
    kernel-1 {
      description = "my kernel";
      data = /incbin/("k.gz");
      type = "kernel"; arch = "arm"; os = "linux"; compression = "gzip";
      load = <0x80008000>; entry = <0x80008000>;
      hash-1 { algo = "crc32"; };
      hash-2 { algo = "sha1"; };
    };
    fdt-1 {
      description = "board dtb";
      data = /incbin/("board.dtb");
      type = "flat_dt"; arch = "arm"; compression = "none";
      hash-1 { algo = "sha256"; };
      hash-2 { algo = "md5"; };
    };
    ramdisk-1 {
      description = "initrd";
      data = /incbin/("rd.bin");
      type = "ramdisk"; arch = "arm"; os = "linux"; compression = "none";
      hash-1 { algo = "sha512"; };
    };
  };
  configurations {
    default = "conf-1";
    conf-1 { description = "boot"; kernel = "kernel-1"; fdt = "fdt-1"; ramdisk = "ramdisk-1"; };
    conf-2 { description = "no initrd"; kernel = "kernel-1"; fdt = "fdt-1"; };
  };
};
`;

test('fit: images built by mkimage -f (embedded and external data) match dumpimage -l', async (t) => {
  if (!hasTool('mkimage') || !hasTool('dumpimage') || !hasTool('dtc') || !hasTool('gzip')) return t.skip('needs mkimage, dumpimage, dtc, gzip');
  const { dir, cleanup } = tempDir('fit');
  t.after(cleanup);
  const kernel = Buffer.from('kernel text '.repeat(4000));
  const ramdisk = Buffer.from('ramdisk bytes 0123456789'.repeat(100));
  writeFileSync(join(dir, 'k'), kernel);
  writeFileSync(join(dir, 'rd.bin'), ramdisk);
  tool('gzip', ['-9n', join(dir, 'k')]);
  writeFileSync(join(dir, 'board.dts'), '/dts-v1/;\n/ { model = "Test Board"; compatible = "acme,board"; };\n');
  tool('dtc', ['-I', 'dts', '-O', 'dtb', '-o', join(dir, 'board.dtb'), join(dir, 'board.dts')]);
  writeFileSync(join(dir, 't.its'), ITS);
  const dtb = readFileSync(join(dir, 'board.dtb'));

  for (const [label, extra] of [['embedded', []], ['external (-E)', ['-E']], ['external at a position (-E -p)', ['-E', '-p', '0x2000']]] as const) {
    await t.test(label, async () => {
      const file = join(dir, `t${extra.length}.itb`);
      tool('mkimage', [...extra, '-f', join(dir, 't.its'), file], dir);
      sameAsDumpimage(file);
      const src = new FileSource(file);
      const probe = fit.probe(src);
      assert.match(probe!.description, /FIT image "test fit", created 2023-11-14T22:13:20.000Z/);
      assert.match(probe!.description, /conf-1 \(default\): kernel=kernel-1 fdt=fdt-1 ramdisk=ramdisk-1; conf-2: kernel=kernel-1 fdt=fdt-1/);
      assert.equal(probe!.length, src.size);
      const ctx = testContext();
      const out = blobs(await fit.unpack(src, ctx));
      assert.deepEqual(ctx.warnings, []);
      assert.deepEqual(out.map((b) => b.name), ['kernel-1', 'fdt-1', 'ramdisk-1']);
      assert.ok(bytes(out[0]!.source).equals(kernel));
      assert.ok(bytes(out[1]!.source).equals(dtb));
      assert.ok(bytes(out[2]!.source).equals(ramdisk));
      assert.match(out[0]!.description!, /crc32 ok, sha1 ok/);
      assert.match(out[1]!.description!, /sha256 ok, md5 ok/);
      assert.match(out[2]!.description!, /sha512 ok/);
    });
  }

  await t.test('a corrupted image is still produced; the mismatch names the image and algorithm', async () => {
    const file = join(dir, 't0.itb');
    const img = Buffer.from(readFileSync(file));
    const src = new BufferSource(img, 'x');
    const ramdiskImg = fitImages(src, parseFdt(src))[2]!;
    assert.ok('offset' in ramdiskImg.data);
    img.writeUInt8(img.readUInt8(ramdiskImg.data.offset) ^ 0xff, ramdiskImg.data.offset);
    const ctx = testContext();
    const out = blobs(await fit.unpack(new BufferSource(img, 'bad'), ctx));
    assert.equal(out.length, 3);
    assert.equal(ctx.warnings.length, 1);
    assert.match(ctx.warnings[0]!, /^FIT image "ramdisk-1": sha512 mismatch: stored [0-9a-f]{128}, computed [0-9a-f]{128}$/);
    assert.match(out[2]!.description!, /sha512 mismatch/);
  });
});

test('fit: corpus fit.itb (gzip kernel, dtb, gzip squashfs) matches dumpimage -l and its extraction', async (t) => {
  const file = corpusFile('fact_extractor/uboot/fit.itb');
  if (!file) return t.skip('corpus not present');
  if (!hasTool('dumpimage')) return t.skip('needs dumpimage (u-boot-tools)');
  sameAsDumpimage(file);
  const src = new FileSource(file);
  assert.match(fit.probe(src)!.description, /^FIT image "FACT Test FIT Image", created 2024-10-16T15:44:43.000Z; images kernel \(kernel, gzip, 1048765 bytes\), fdt \(flat_dt, none, 155 bytes\), rootfs \(ramdisk, gzip, 1049072 bytes\)/);
  const ctx = testContext();
  const out = blobs(await fit.unpack(src, ctx));
  assert.deepEqual(ctx.warnings, []);
  const { dir, cleanup } = tempDir('fitc');
  t.after(cleanup);
  for (const [i, blob] of out.entries()) {
    // dumpimage -p N -o writes image N's stored bytes: ours must be those bytes, decompressed when gzip.
    const ref = join(dir, `img${i}`);
    tool('dumpimage', ['-T', 'flat_dt', '-p', String(i), '-o', ref, file]);
    const stored = readFileSync(ref);
    const expected = i === 1 ? stored : gunzipSync(stored);
    assert.ok(bytes(blob.source).equals(expected), `image ${blob.name}`);
  }
  assert.equal(out[2]!.source.read(0, 4).toString('latin1'), 'hsqs'); // binwalk: squashfs 4.0 inside the gzip
  assert.equal(out[1]!.offset, 1049104); // binwalk: "Flattened device tree, size: 155 bytes" at 1049104
});

test('fit: probe rejects a plain device tree and garbage', () => {
  const dtb = readFileSync(new URL('../device-tree/fixtures/minimal.dtb', import.meta.url));
  assert.equal(fit.probe(new BufferSource(dtb, 'dtb')), null);
  assert.equal(fit.probe(new BufferSource(Buffer.alloc(64), 'zeros')), null);
});
