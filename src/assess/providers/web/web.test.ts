import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../test-support/corpus.js';
import { writeManifest } from '../../../test-support/manifest.js';
import { assess } from '../../engine.js';
import { classifyInputs } from '../../inputs.js';
import { collectManifest } from '../manifest/provider.js';
import { collectWeb } from './provider.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'smart-plug', 'iotcop.yaml');
const SNAPSHOT = join(REPO_ROOT, 'examples', 'smart-plug', 'web');
const NOW = new Date('2026-11-25T12:00:00Z');

async function collect(path: string, web: Parameters<typeof collectWeb>[2]['web']) {
  const inputs = await classifyInputs([path]);
  const base = { signal: new AbortController().signal, untrusted: false, progress() {} };
  const evidence = await collectManifest(inputs, { unavailable: {} }, base);
  return collectWeb(inputs, evidence, { ...base, ...(web ? { web } : {}) });
}

test('the example snapshot gives every page the manifest names, and those its security.txt points to', async () => {
  const evidence = await collect(EXAMPLE, { mode: 'snapshot', dir: SNAPSHOT });
  assert.equal(evidence.web?.source, 'snapshot');
  const pages = evidence.web.pages.map((p) => `${p.purpose} ${p.url} ${p.response.status ?? p.response.error?.code}`);
  assert.deepEqual(pages, [
    'security-txt https://brightwatt.example/.well-known/security.txt 200',
    'security-txt-legacy https://brightwatt.example/security.txt not-in-snapshot',
    'pgp-key https://brightwatt.example/security/pgp-key.txt 200',
    'disclosure-policy https://brightwatt.example/security/disclosure 200',
    'support-period https://brightwatt.example/products/sp-200/support 200',
    'privacy-notice https://brightwatt.example/privacy 200',
    'deletion-instructions https://brightwatt.example/help/delete-your-data 200',
  ]);
});

test('web evidence is skipped with the reason: off, no URL in the manifest', async () => {
  assert.match((await collect(EXAMPLE, { mode: 'off' })).unavailable.web ?? '', /--offline/);
  assert.match((await collect(EXAMPLE, undefined)).unavailable.web ?? '', /not looked at/);
  assert.match((await collect(writeManifest({}), { mode: 'snapshot', dir: SNAPSHOT })).unavailable.web ?? '', /names no domain or page/);
});

test('assessing the example with its snapshot settles the published-page provisions on automated evidence', async () => {
  const report = await assess({ inputs: [EXAMPLE], now: NOW, web: { mode: 'snapshot', dir: SNAPSHOT } });
  for (const id of ['5.2-1', '5.3-13', '5.3-16', '5.11-3', '6-1'] as const) {
    const p = report.provisions.find((r) => r.id === id)!;
    assert.deepEqual([id, p.verdict, p.basis], [id, 'pass', 'automated']);
  }
  assert.equal(report.psti.verdict, 'pass');
  const web = report.findings.filter((f) => ['security-txt', 'disclosure-page', 'support-period-page', 'privacy-pages'].includes(f.check));
  assert.deepEqual(web.filter((f) => f.verdict !== 'pass'), []);
  assert.match(web.find((f) => f.check === 'security-txt')!.detail, /signature verified/);
});

test('without web evidence the web checks are skipped and say why', async () => {
  const report = await assess({ inputs: [EXAMPLE], now: NOW });
  const run = report.checks.find((c) => c.id === 'security-txt')!;
  assert.equal(run.status, 'skipped');
  assert.match(run.reason ?? '', /published web pages/);
});
