#!/usr/bin/env node
// Runs every *.test.ts under src/ (or the files/folders given) with node:test through tsx.
// Node 20 does not expand globs, so the file list is collected here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

function collect(path, out) {
  const st = statSync(path);
  if (st.isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name === 'fixtures' || name.startsWith('.')) continue;
    collect(join(path, name), out);
  }
  return out;
}

const args = process.argv.slice(2);
const roots = args.filter((a) => !a.startsWith('-'));
const passThrough = args.filter((a) => a.startsWith('-'));
const files = (roots.length ? roots : ['src']).flatMap((r) => collect(r, [])).map((f) => relative('.', f));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(2);
}
const concurrency = Math.max(2, availableParallelism());
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...passThrough,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, IOTCOP_TEST: '1' } },
);
process.exit(result.status ?? 1);
