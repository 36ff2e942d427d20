import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Asserts that the plug-in folders under `dir` and the ids in a registry are the same set, and that every
 * folder has the files of the plug-in pattern (index.ts, a readme.md, a test).
 */
export function assertPluginFolders(dir: string, registryIds: readonly string[]): void {
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.deepEqual([...registryIds].sort(), folders, `registry and folders of ${dir} differ`);
  assert.equal(new Set(registryIds).size, registryIds.length, 'duplicate ids in the registry');
  for (const id of folders) {
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${id} is not kebab-case`);
    const files = readdirSync(join(dir, id));
    assert.ok(existsSync(join(dir, id, 'index.ts')), `${id}/index.ts missing`);
    assert.ok(existsSync(join(dir, id, 'readme.md')), `${id}/readme.md missing`);
    assert.ok(files.some((f) => f.endsWith('.test.ts')), `${id} has no test`);
  }
}
