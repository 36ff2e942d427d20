import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The layers of DESIGN.md: which top-level folders of src/ each folder may import from. Imports point down.
const ALLOWED: Record<string, readonly string[]> = {
  catalogue: [],
  model: ['catalogue'],
  manifest: ['catalogue', 'model'],
  firmware: ['model'],
  analysis: ['catalogue', 'model', 'firmware'],
  vulndb: ['catalogue', 'model', 'firmware', 'analysis'],
  sbom: ['catalogue', 'model', 'firmware', 'analysis'],
  web: ['model', 'manifest'],
  probe: ['model'],
  label: ['catalogue', 'model', 'manifest', 'report'],
  statement: ['catalogue', 'model', 'manifest', 'report', 'label'],
  checks: ['catalogue', 'model', 'manifest', 'firmware', 'analysis', 'vulndb', 'web', 'probe'],
  report: ['catalogue', 'model'],
  assess: ['catalogue', 'model', 'manifest', 'firmware', 'analysis', 'vulndb', 'web', 'probe', 'checks', 'report'],
  registry: ['catalogue', 'model', 'manifest', 'report', 'label', 'statement', 'assess'],
  server: ['catalogue', 'model', 'manifest', 'report', 'label', 'statement', 'assess', 'registry'],
  cli: ['catalogue', 'model', 'manifest', 'firmware', 'analysis', 'vulndb', 'sbom', 'web', 'probe', 'label', 'statement', 'checks', 'report', 'assess', 'registry', 'server'],
};

const SRC = dirname(fileURLToPath(import.meta.url));

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'fixtures' && e.name !== 'test-support') yield* sources(path);
    else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) yield path;
  }
}

test('every top-level folder of src/ has a place in the layers', () => {
  const folders = readdirSync(SRC, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'test-support').map((d) => d.name);
  for (const f of folders) assert.ok(f in ALLOWED, `src/${f}/ is not in the layer table of src/layers.test.ts`);
});

test('imports point only downwards (tests excepted)', () => {
  const violations: string[] = [];
  for (const file of sources(SRC)) {
    const layer = relative(SRC, file).split(sep)[0]!;
    const allowed = ALLOWED[layer];
    if (!allowed) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = relative(SRC, resolve(dirname(file), m[1]!)).split(sep)[0]!;
      if (target === layer || target.startsWith('..') || target.endsWith('.js') || target === 'test-support') {
        if (target === 'test-support') violations.push(`${relative(SRC, file)} imports test support`);
        continue;
      }
      if (!allowed.includes(target)) violations.push(`${relative(SRC, file)} -> ${target}`);
    }
  }
  assert.deepEqual(violations, []);
});
