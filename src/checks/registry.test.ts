import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isProvisionId } from '../catalogue/index.js';
import { assertPluginFolders } from '../test-support/plugin-folders.js';
import { CHECKS } from './registry.js';

test('the check registry and the check folders agree, and each folder is a complete plug-in', () => {
  assertPluginFolders(dirname(fileURLToPath(import.meta.url)), CHECKS.map((c) => c.id));
});

test('check metadata is well formed', () => {
  for (const c of CHECKS) {
    assert.ok(c.title.length > 10, c.id);
    assert.ok(c.needs.length > 0, `${c.id} needs evidence`);
    for (const p of c.provisions) assert.ok(isProvisionId(p), `${c.id}: ${p}`);
  }
});
