import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pluginFolderProblems } from '../../test-support/plugin-folders.js';
import { FORMATS } from './registry.js';

const here = dirname(fileURLToPath(import.meta.url));

test('the registry and the plug-in folders agree, and every folder has a readme', () => {
  assert.deepEqual(pluginFolderProblems(here, FORMATS.map((f) => f.id)), []);
});

test('every plug-in declares at least one signature or is meant for whole blobs only', () => {
  for (const f of FORMATS) {
    for (const s of f.signatures) {
      assert.ok(s.magic.length >= 2, `${f.id}: a signature shorter than 2 bytes would match everywhere`);
      assert.ok(Number.isInteger(s.at) && s.at >= 0, `${f.id}: signature offset`);
    }
  }
});

test('probes never throw on tiny or empty inputs', async () => {
  const { BufferSource } = await import('../source/index.js');
  for (const f of FORMATS) {
    for (const bytes of [Buffer.alloc(0), Buffer.alloc(1), Buffer.alloc(600, 0xff), ...f.signatures.map((s) => Buffer.concat([Buffer.alloc(s.at), s.magic]))]) {
      assert.equal(f.probe(new BufferSource(bytes, 'test')), null, `${f.id} on ${bytes.length} bytes`);
    }
  }
});
