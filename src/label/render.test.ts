import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { assess } from '../assess/engine.js';
import { loadManifest } from '../manifest/index.js';
import { REPO_ROOT, hasTool, run } from '../test-support/corpus.js';
import { generateLabel, generateLabelKey, MIN_TEXT_MM, verifyLabelInput, WIDTH_MM } from './index.js';
import { readPng } from './read.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'smart-plug');
const NOW = new Date('2026-11-25T12:00:00Z');
const report = await assess({ inputs: [join(EXAMPLE, 'iotcop.yaml')], now: NOW, web: { mode: 'snapshot', dir: join(EXAMPLE, 'web') } });
const manifest = (await loadManifest(join(EXAMPLE, 'iotcop.yaml'))).data;
const key = await generateLabelKey();
const trusted = [{ kid: key.kid, key: key.publicKey }];
const label = await generateLabel(report, manifest, key, { registry: 'https://registry.example', now: NOW });
const later = { now: new Date('2027-01-01T00:00:00Z') };

test('round trip: the QR code decoded from the PNG pixels verifies as valid, with the signed facts', async () => {
  const read = readPng(label.png);
  assert.equal(read.qr, label.url);
  assert.equal(read.embedded, label.jws);
  const result = await verifyLabelInput(label.png, trusted, later);
  assert.equal(result.status, 'valid', result.reason);
  assert.deepEqual(result.payload, label.facts.payload);
  assert.equal(result.payload?.spe, '2030-03-31');
  assert.equal(result.payload?.vd, 'pppf');
});

test('the SVG, the URL and the bare JWS verify too; the label expires with the support period', async () => {
  for (const input of [label.svg, label.url, label.jws]) assert.equal((await verifyLabelInput(input, trusted, later)).status, 'valid');
  assert.equal((await verifyLabelInput(label.png, trusted, { now: new Date('2030-04-01T00:00:00Z') })).status, 'expired');
});

test('a PNG whose embedded label was swapped for another is tampered', async () => {
  const other = await generateLabel(report, manifest, key, { registry: 'https://registry.example', now: new Date('2026-11-26T12:00:00Z') });
  const swapped = Buffer.from(label.png.toString('latin1').replace(label.jws, other.jws), 'latin1');
  assert.equal((await verifyLabelInput(swapped, trusted, later)).status, 'tampered');
  const blank = PNG.sync.write(Object.assign(new PNG({ width: 50, height: 50 }), { data: Buffer.alloc(50 * 50 * 4, 255) }));
  assert.match((await verifyLabelInput(blank, trusted, later)).reason, /no readable QR code/);
});

test('the PNG is 40 mm at 600 dpi and its QR code uses a version a phone reads at that size', () => {
  const image = PNG.sync.read(label.png);
  assert.equal(image.width, Math.round((WIDTH_MM / 25.4) * 600));
  assert.equal(image.height, Math.round((label.layout.height / 25.4) * 600));
  assert.ok(label.layout.qr.version <= 15, `QR version ${label.layout.qr.version}`);
  // Every module must be at least 0.25 mm on the printed label.
  const qr = label.layout.shapes.find((s) => s.kind === 'qr');
  assert.ok(qr && qr.kind === 'qr' && qr.module >= 0.25, 'QR modules too small');
  const dark = [...image.data].filter((_, i) => i % 4 === 0).filter((v) => v < 128).length;
  assert.ok(dark > image.width * image.height * 0.1, 'the rendered label has ink on it');
});

test('the SVG is accessible: title, description with every fact, real text no smaller than the legible minimum', () => {
  assert.match(label.svg, /role="img" aria-labelledby="label-title label-desc"/);
  assert.match(label.svg, /<title id="label-title">Consumer IoT security label: Brightwatt SP-200<\/title>/);
  for (const fact of ['No universal default password', 'Security updates until 31 March 2030', 'Report a security problem: security@brightwatt.example', 'Automatic security updates: yes', 'ETSI EN 303 645']) {
    assert.ok(label.svg.includes(fact), fact);
  }
  const sizes = [...label.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.ok(sizes.length > 10 && Math.min(...sizes) >= MIN_TEXT_MM, `font sizes ${sizes.join(',')}`);
  assert.match(label.svg, /width="40mm"/);
});

test('the PDF is one page of the label size with the facts as text', { skip: hasTool('pdftotext') ? false : 'pdftotext (poppler-utils) is not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-label-'));
  writeFileSync(join(dir, 'label.pdf'), label.pdf);
  const info = run('pdfinfo', [join(dir, 'label.pdf')]).toString();
  assert.match(info, /Pages:\s+1/);
  const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number) as [number, number];
  assert.ok(Math.abs(w - (40 * 72) / 25.4) < 0.1 && Math.abs(h - (label.layout.height * 72) / 25.4) < 0.1, info);
  const text = run('pdftotext', ['-layout', join(dir, 'label.pdf'), '-']).toString();
  assert.match(text, /No universal default/);
  assert.match(text, /Brightwatt SP-200/);
});
