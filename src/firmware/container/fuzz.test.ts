// Hostile-input check for the container plug-ins: seeded random corruptions of valid samples must give a
// result or a FormatError from probe/unpack, never another exception (RangeError, TypeError...) or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { crc32, gzipSync } from 'node:zlib';
import { FormatError } from '../errors.js';
import { BufferSource } from '../source/index.js';
import type { FormatPlugin } from '../types.js';
import { corpusFile } from '../../test-support/corpus.js';
import { testContext } from '../../test-support/format-context.js';
import { deviceTree } from '../formats/device-tree/index.js';
import { fit } from '../formats/fit/index.js';
import { lancom } from '../formats/lancom/index.js';
import { linuxKernel } from '../formats/linux-kernel/index.js';
import { buildElf, buildZImage } from '../formats/linux-kernel/test-images.js';
import { sevenZip } from '../formats/seven-zip/index.js';
import { tplink } from '../formats/tplink/index.js';
import { trx } from '../formats/trx/index.js';
import { uimage } from '../formats/uimage/index.js';
import { vxworksImg0 } from '../formats/vxworks-img0/index.js';
import { windRiverMfs } from '../formats/wind-river-mfs/index.js';

const ROUNDS = 150;

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Flips bytes, writes extreme 32-bit words, or truncates: the usual shapes of broken and hostile headers. */
function mutate(sample: Buffer, rand: () => number): Buffer {
  const out = Buffer.from(sample);
  const edits = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * Math.min(out.length, 512));
    const r = rand();
    if (r < 0.4) out[at] = Math.floor(rand() * 256);
    else if (r < 0.8 && at + 4 <= out.length) out.writeUInt32BE([0, 1, 0x7fffffff, 0xffffffff, 0x80000000, out.length][Math.floor(rand() * 6)]!, at & ~3);
    else return out.subarray(0, Math.floor(rand() * out.length));
  }
  return out;
}

function uimageSample(): Buffer {
  const data = Buffer.concat([Buffer.from([0, 0, 0, 4, 0, 0, 0, 3, 0, 0, 0, 0]), Buffer.from('abcdxyz')]);
  const img = Buffer.alloc(64 + data.length);
  img.writeUInt32BE(0x27051956, 0);
  img.writeUInt32BE(data.length, 12);
  img.set([5, 2, 4, 1], 28);
  data.copy(img, 64);
  img.writeUInt32BE(crc32(data) >>> 0, 24);
  img.writeUInt32BE(crc32(img.subarray(0, 64)) >>> 0, 4);
  return img;
}

function head(path: string, bytes: number): Buffer | undefined {
  const file = corpusFile(path);
  return file ? readFileSync(file).subarray(0, bytes) : undefined;
}

function samples(): [FormatPlugin, Buffer | undefined][] {
  const dtb = readFileSync(new URL('../formats/device-tree/fixtures/minimal.dtb', import.meta.url));
  const trxImg = Buffer.alloc(64);
  trxImg.write('HDR0', 0, 'latin1');
  trxImg.writeUInt32LE(64, 4);
  trxImg.writeUInt32LE(0x10000, 12);
  trxImg.writeUInt32LE(28, 16);
  const img0 = Buffer.alloc(0x100);
  img0.write('IMG0', 0, 'latin1');
  img0.writeUInt32BE(0x100, 4);
  img0.writeUInt32BE(0x80, 0x40);
  img0.writeUInt32BE(0x80, 0x44);
  const mfs = Buffer.alloc(44 + 96 + 8);
  mfs.write('ow'.repeat(16), 0, 'latin1');
  mfs.writeUInt32BE(1, 32);
  mfs.writeUInt32BE(2, 36);
  mfs.write('a.htm', 44, 'latin1');
  mfs.writeUInt32BE(4, 84);
  mfs.writeUInt32BE(140, 88);
  mfs.write('b.htm', 92, 'latin1');
  mfs.writeUInt32BE(4, 132);
  mfs.writeUInt32BE(144, 136);
  const kernel = Buffer.concat([Buffer.from('Linux version 1.0\0'), Buffer.from('070701'), Buffer.alloc(200)]);
  return [
    [uimage, uimageSample()],
    [deviceTree, dtb],
    [fit, head('fact_extractor/uboot/fit.itb', 2_099_624)?.subarray(0, 1200)],
    [trx, trxImg],
    [tplink, head('fact_extractor/tpl/test.tpl', 0x30000)],
    [vxworksImg0, img0],
    [windRiverMfs, mfs],
    [lancom, head('fact_extractor/ros/test.ros', 0x400)],
    [sevenZip, head('fact_extractor/ros/test.ros', 456089 + 64)?.subarray(456089)],
    [linuxKernel, buildZImage(gzipSync(kernel), 'LE')],
    [linuxKernel, buildElf({ '.init.text': Buffer.alloc(8), __param: Buffer.alloc(8), __ex_table: Buffer.alloc(8), '.rodata': Buffer.from('Linux version 2\0'), '.init.ramfs': Buffer.from('070701') })],
    [linuxKernel, head('fact_extractor/linuxkernel/bzImage_gzip', 600_000)],
  ];
}

test('container plug-ins: corrupted samples give results or FormatErrors, nothing else', async () => {
  let seed = 1;
  for (const [plugin, sample] of samples()) {
    if (!sample) continue;
    const rand = rng(seed++);
    for (let round = 0; round < ROUNDS; round++) {
      const bytes = mutate(sample, rand);
      const src = new BufferSource(bytes, `${plugin.id}#${round}`);
      plugin.probe(src); // must never throw
      try {
        await plugin.unpack(src, testContext({ maxTotalBytes: 64 * 1024 * 1024 }));
      } catch (error) {
        assert.ok(error instanceof FormatError, `${plugin.id} round ${round}: ${(error as Error).stack}`);
      }
    }
  }
});
