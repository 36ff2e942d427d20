import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IotcopError } from '../../../model/index.js';
import { hasTool, run } from '../../../test-support/corpus.js';
import { writeManifest } from '../../../test-support/manifest.js';
import { assess } from '../../engine.js';

function rootfs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-rootfs-'));
  mkdirSync(join(dir, 'etc'));
  writeFileSync(join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(join(dir, 'etc', 'shadow'), 'root:*:19000:0:99999:7:::\n');
  return dir;
}

test('an extracted root filesystem directory is firmware evidence', async () => {
  const report = await assess({ inputs: [rootfs()] });
  assert.equal(report.firmware.length, 1);
  assert.equal(report.firmware[0]!.filesystems, 1);
  assert.ok(report.firmware[0]!.entries >= 3);
  assert.equal(report.checks.find((c) => c.id === 'unpack-coverage')?.status, 'ran');
});

test('images named by the manifest are unpacked with it', { skip: !hasTool('mksquashfs') && 'mksquashfs not installed' }, async () => {
  const manifest = writeManifest({ firmware: [{ version: '1.0', image: 'fw.sqfs' }] });
  run('mksquashfs', [rootfs(), join(manifest, '..', 'fw.sqfs'), '-noappend', '-quiet', '-comp', 'gzip']);
  const report = await assess({ inputs: [manifest] });
  assert.equal(report.firmware.length, 1);
  assert.match(report.firmware[0]!.image, /fw\.sqfs$/);
  assert.deepEqual(report.firmware[0]!.layers.map((l) => l.format), ['squashfs']);
  assert.equal(report.inputs.length, 1, 'inputs lists what the user gave');
});

test('an image the manifest names but that is missing is an input error at its line', async () => {
  const manifest = writeManifest({ firmware: [{ version: '1.0', image: 'missing.bin' }] });
  await assert.rejects(assess({ inputs: [manifest] }), (e: IotcopError) => e.code === 'ERR_INPUT_NOT_FOUND' && /iotcop\.yaml:\d+:\d+: firmware image missing\.bin/.test(e.message));
});

test('untrusted manifests cannot name images outside their folder', async () => {
  const manifest = writeManifest({ firmware: [{ version: '1.0', image: '../../etc/hostname' }] });
  await assert.rejects(assess({ inputs: [manifest], untrusted: true }), (e: IotcopError) => e.code === 'ERR_MANIFEST_INVALID');
});

test('without firmware the firmware checks are skipped with the reason', async () => {
  const report = await assess({ inputs: [writeManifest({})] });
  const run = report.checks.find((c) => c.id === 'unpack-coverage');
  assert.equal(run?.status, 'skipped');
  assert.match(run?.reason ?? '', /no firmware image/);
});
