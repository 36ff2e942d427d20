import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BufferSource, FileSource } from '../../source/index.js';
import { corpusFile, hasTool } from '../../../test-support/corpus.js';
import { testContext } from '../../../test-support/format-context.js';
import { tool } from '../../../test-support/tools.js';
import { parseFdt } from './fdt.js';
import { deviceTree } from './index.js';
import { propNumber, propString } from './props.js';

// fixtures/minimal.dtb is fixtures/minimal.dts compiled by dtc 1.6 (`dtc -I dts -O dtb`).
const fixture = new URL('./fixtures/minimal.dtb', import.meta.url);

/** A device tree blob from raw structure-block words and a strings block, for malformed-input tests. */
function blob(struct: number[], strings = 'name\0'): Buffer {
  const s = Buffer.alloc(struct.length * 4);
  struct.forEach((w, i) => s.writeUInt32BE(w >>> 0, i * 4));
  const str = Buffer.from(strings, 'latin1');
  const head = Buffer.alloc(40);
  const rsv = Buffer.alloc(16);
  const offStruct = 40 + 16;
  const total = offStruct + s.length + str.length;
  [0xd00dfeed, total, offStruct, offStruct + s.length, 40, 17, 16, 0, str.length, s.length].forEach((v, i) => head.writeUInt32BE(v, i * 4));
  return Buffer.concat([head, rsv, s, str]);
}

const BEGIN = 1;
const END_NODE = 2;
const PROP = 3;
const END = 9;

test('device-tree: the fixture parses like dtc decompiles it', (t) => {
  const src = new BufferSource(readFileSync(fixture), 'minimal.dtb');
  const fdt = parseFdt(src);
  assert.deepEqual(fdt.root.children.map((c) => c.name), ['chosen', 'memory@0']);
  assert.equal(propString(src, fdt.root, 'model'), 'iotcop test board');
  assert.equal(propNumber(src, fdt.root, '#address-cells'), 1);
  assert.equal(propString(src, fdt.root.children[0]!, 'bootargs'), 'console=ttyS0');
  const probe = deviceTree.probe(src);
  assert.equal(probe?.description, `device tree v17, ${src.size} bytes, 3 nodes, model "iotcop test board", compatible "iotcop,test", "iotcop,generic"`);
  if (!hasTool('dtc')) return t.skip('dtc not installed for the cross-check');
  const dts = tool('dtc', ['-I', 'dtb', '-O', 'dts', fixture.pathname]);
  assert.match(dts, /bootargs = "console=ttyS0";/);
  assert.match(dts, /reg = <0x00 0x1000000>;/);
});

test('device-tree: a bare .dtb is a container with no payloads', async () => {
  const src = new BufferSource(readFileSync(fixture), 'minimal.dtb');
  const out = await deviceTree.unpack(src, testContext());
  assert.deepEqual(out, { kind: 'blobs', blobs: [], length: src.size });
});

test('device-tree: the device tree inside corpus uboot.dtb (binwalk: at 2432, 32889 bytes)', (t) => {
  const file = corpusFile('fact_extractor/uboot/uboot.dtb');
  if (!file) return t.skip('corpus not present');
  const src = new FileSource(file).slice(2432, 32889);
  const probe = deviceTree.probe(src);
  assert.equal(probe?.length, 32889);
  assert.match(probe.description, /model "Manufac XYZ1234ABC", compatible "linksys,shelby"/);
});

test('device-tree: malformed trees are FormatErrors with bounds, depth and token checks', async () => {
  const ok = blob([BEGIN, 0, END_NODE, END]);
  assert.equal(parseFdt(new BufferSource(ok, 'ok')).nodeCount, 1);
  const cases: [string, Buffer, RegExp][] = [
    ['deep nesting', blob([...Array<number>(100).fill(0).flatMap(() => [BEGIN, 0x61000000]), END]), /nesting deeper than 64/],
    ['property past the block', blob([BEGIN, 0, PROP, 1000, 0, END_NODE, END]), /runs past the structure block/],
    ['name offset outside strings', blob([BEGIN, 0, PROP, 0, 999, END_NODE, END]), /name offset 999 outside/],
    ['unknown token', blob([BEGIN, 0, 7, END]), /unexpected token 7/],
    ['no end token', blob([BEGIN, 0, END_NODE]), /ends inside a token/],
    ['missing root', blob([END]), /not a node/],
  ];
  for (const [label, bytes, message] of cases) {
    assert.throws(() => parseFdt(new BufferSource(bytes, label)), message, label);
    assert.equal(deviceTree.probe(new BufferSource(bytes, label)), null, label);
    await assert.rejects(deviceTree.unpack(new BufferSource(bytes, label), testContext()), { name: 'FormatError' }, label);
  }
  const lying = Buffer.from(ok);
  lying.writeUInt32BE(0x7fffffff, 4); // total size beyond the source
  assert.throws(() => parseFdt(new BufferSource(lying, 'lying')), /exceeds/);
});
