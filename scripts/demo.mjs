#!/usr/bin/env node
// The demo: assess the bundled example product and write every report into out/.
// Runs the compiled CLI (npm ci builds it through `prepare`), exactly as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'iotcop.js');
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npm ci` (or `npm run build`) first.');
  process.exit(2);
}
const out = join(root, 'out');
mkdirSync(out, { recursive: true });

function iotcop(...args) {
  console.log(`\n$ iotcop ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`iotcop ${args[0]} exited with ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

iotcop('assess', 'examples/smart-plug/iotcop.yaml', '--out-dir', 'out', '--fail-on', 'never');
console.log('\nOpen out/report.html in a browser for the full report.');
