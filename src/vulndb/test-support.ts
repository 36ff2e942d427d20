import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Component } from '../analysis/components/index.js';
import { importAdvisories } from './import.js';
import { VulnStore } from './store.js';

/** The shipped test advisories: OSV records and an NVD JSON 2.0 feed written from real advisories' facts. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fresh database in a temporary folder with the test advisories imported. */
export async function testDatabase(): Promise<{ path: string; store: VulnStore }> {
  const path = join(mkdtempSync(join(tmpdir(), 'iotcop-vulndb-')), 'vulndb.sqlite');
  const store = VulnStore.open(path);
  await importAdvisories(store, FIXTURES, { now: new Date('2024-01-01T00:00:00Z') });
  return { path, store };
}

/** A component as the inventory would report it, for matching tests. */
export function component(partial: Partial<Component> & Pick<Component, 'name'>): Component {
  return { type: 'application', purl: `pkg:generic/${partial.name}`, cpeProducts: [], identifiedBy: 'version-string', evidence: '', occurrences: [{ path: '/bin/x' }], ...partial };
}
