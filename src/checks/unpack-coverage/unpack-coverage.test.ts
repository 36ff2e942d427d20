import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FirmwareEvidence, LayerRecord, UnpackLog } from '../../firmware/index.js';
import { MemoryVfs } from '../../firmware/index.js';
import type { CheckContext } from '../types.js';
import { unpackCoverage } from './index.js';

const layer = (over: Partial<LayerRecord> = {}): LayerRecord => ({
  id: '0x0-squashfs', parent: null, format: 'squashfs', offset: 0, length: 1000, depth: 0, description: 'squashfs 4.0',
  carved: false, produced: { entries: 10, bytes: 100, blobs: 0 }, warnings: [], ...over,
});

function ctx(log: Partial<UnpackLog>): CheckContext {
  const fw: FirmwareEvidence = { image: 'fw.bin', log: { image: 'fw.bin', size: 10_000_000, sha256: 'x', layers: [], unknown: [], ...log }, filesystems: [new MemoryVfs('0x0-squashfs')] };
  return { evidence: { unavailable: {}, firmware: [fw] }, now: new Date(), signal: new AbortController().signal, progress() {} };
}

test('a fully unpacked image gives no finding', async () => {
  assert.deepEqual(await unpackCoverage.run(ctx({ layers: [layer()] })), []);
});

test('small or low-entropy unknown regions are not reported', async () => {
  const findings = await unpackCoverage.run(ctx({ layers: [layer()], unknown: [
    { layer: null, offset: 0x100000, length: 4096, entropy: 7.99 },
    { layer: null, offset: 0x200000, length: 1 << 20, entropy: 3.2 },
  ] }));
  assert.deepEqual(findings, []);
});

test('a large random region is reported as possibly encrypted, never passed over', async () => {
  const [f, ...rest] = await unpackCoverage.run(ctx({ unknown: [{ layer: null, offset: 0x40000, length: 2 << 20, entropy: 7.998 }] }));
  assert.equal(rest.length, 0);
  assert.equal(f?.verdict, 'inconclusive');
  assert.match(f?.title ?? '', /possibly encrypted/);
  assert.deepEqual(f?.location, { image: 'fw.bin', offset: 0x40000 });
  assert.ok(f?.provisions.includes('5.4-3') && f.provisions.includes('5.1-1'));
});

test('a layer that failed is reported with its error', async () => {
  const findings = await unpackCoverage.run(ctx({ layers: [layer({ error: { code: 'ERR_UNPACK_LIMIT', message: 'more than 3 entries' } })] }));
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.detail, /ERR_UNPACK_LIMIT/);
  assert.match(findings[0]!.remediation, /raise the unpacking limits/);
});
