#!/usr/bin/env node
// The demo: assess the example smart plug from its saved web pages (no network), then write the PSTI statement
// of compliance and the signed consumer security label into out/. The label is signed with a key made for this
// run only (out/demo-keys/, never committed), so anyone can check it with `iotcop label verify`.
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'iotcop.js');
const example = join(root, 'examples', 'smart-plug');
const out = join(root, 'out');
const now = '2026-11-25';
const web = ['--web-snapshot', join(example, 'web')];

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')]);

function run(cmd, args, okCodes = [0]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (!okCodes.includes(r.status ?? 1)) {
    console.error(`demo: ${args.slice(0, 3).join(' ')} failed with exit code ${r.status}`);
    process.exit(r.status || 1);
  }
}
const iotcop = (args, okCodes) => run(process.execPath, [cli, ...args], okCodes);

// 1. The assessment, every report format into out/ (the example admits one mandatory gap, 5.1-5).
iotcop(['assess', join(example, 'iotcop.yaml'), ...web, '--now', now, '--out-dir', out, '--fail-on', 'never']);
// 2. The PSTI statement of compliance (HTML and PDF).
iotcop(['generate', 'statement', join(example, 'iotcop.yaml'), '--report', join(out, 'report.json'), '--now', now,
  '--signatory', 'Amira Patel', '--function', 'Head of Product Security', '--place', 'Leeds', '--out-dir', out]);
// 3. An ephemeral signing key, then the signed label (SVG, PNG, PDF and the JWS).
rmSync(join(out, 'demo-keys'), { recursive: true, force: true });
iotcop(['keys', 'generate', '--out-dir', join(out, 'demo-keys'), '--name', 'demo-label']);
iotcop(['label', join(example, 'iotcop.yaml'), '--report', join(out, 'report.json'), '--now', now,
  '--key', join(out, 'demo-keys', 'demo-label.key'), '--registry', 'https://registry.iotcop.example', '--out-dir', out]);
// 4. Check the label as a buyer's phone would: decode the QR code from the PNG and verify the signature.
iotcop(['label', 'verify', join(out, 'label.png'), '--keys', join(out, 'demo-keys', 'demo-label.jwks.json'), '--now', now]);
console.log('\nOpen out/report.html in a browser for the full report; out/label.png and out/statement.pdf for what a buyer sees.');
