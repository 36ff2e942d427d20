#!/usr/bin/env node
// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/ with esbuild, so that starting `iotcop` loads
// a handful of files instead of a few hundred ES modules (about 0.1-0.2 s saved on every command).
//
// - Entry points: the CLI and the two worker scripts that are started by URL (decode-worker.js for firmware
//   blocks, crack-worker.js for password hashes). They sit side by side with the chunks in one flat folder,
//   so `new URL('./decode-worker.js', import.meta.url)` in whichever chunk holds the pool finds them, and
//   files two levels up (package.json, schema/) are found as from any dist/<folder>/ module.
// - Code splitting keeps each command's code (and the packages it imports) in its own chunk, loaded only
//   when that command runs: the CLI's lazy command loading stays lazy.
// - npm packages stay external (resolved from node_modules as before), except kysely: it is 263 small ES
//   modules, which cost more to resolve and load one by one than to compile as part of a chunk (`iotcop db`,
//   `admin`, `serve` and `worker` start 0.15-0.2 s sooner with it bundled).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'bundle');

const BUNDLED_PACKAGES = new Set(['kysely']);
const dependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies);

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    iotcop: join(dist, 'cli', 'main.js'),
    'decode-worker': join(dist, 'firmware', 'pool', 'decode-worker.js'),
    'crack-worker': join(dist, 'analysis', 'crack', 'crack-worker.js'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: dependencies.filter((name) => !BUNDLED_PACKAGES.has(name)),
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
});
