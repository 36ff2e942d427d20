// Checks the plug-in folder pattern: an explicit registry and the folders on disk must agree.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Problems with a plug-in folder tree: folders without a registry entry, registry ids without a folder,
 * duplicate ids, ids that are not kebab-case, and folders without `readme.md`, `index.ts` or a test. Empty when
 * everything agrees.
 */
export function pluginFolderProblems(dir: string, ids: readonly string[]): string[] {
  const problems: string[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const registered = new Set(ids);
  if (registered.size !== ids.length) problems.push(`duplicate ids in the registry: ${ids.join(', ')}`);
  for (const id of ids) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problems.push(`${id}: id is not kebab-case`);
    if (!folders.includes(id)) problems.push(`${id}: registered but there is no folder ${id}/`);
  }
  for (const folder of folders) {
    if (!registered.has(folder)) problems.push(`${folder}/: folder is not in the registry`);
    for (const file of ['readme.md', 'index.ts']) {
      if (!existsSync(join(dir, folder, file))) problems.push(`${folder}/: missing ${file}`);
    }
    if (!readdirSync(join(dir, folder)).some((f) => f.endsWith('.test.ts'))) problems.push(`${folder}/: no test`);
  }
  return problems;
}

/** Asserts that the plug-in folders under `dir` and the ids of a registry agree (see pluginFolderProblems). */
export function assertPluginFolders(dir: string, registryIds: readonly string[]): void {
  assert.deepEqual(pluginFolderProblems(dir, registryIds), []);
}
