import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { hasTool } from '../../test-support/corpus.js';
import { assessExample, hostileReport } from '../test-support/sample.js';
import { htmlRenderer } from './index.js';
import { FILTER_SCRIPT } from './script.js';

interface FakeItem { hidden: boolean; textContent: string; getAttribute(name: string): string | null }

function item(attrs: Record<string, string>, text: string): FakeItem {
  return { hidden: false, textContent: text, getAttribute: (name) => attrs[name] ?? null };
}

/** Just enough DOM for the filter script: the panel, the form, the status line, items and groups. */
function fakePage() {
  const provision = item({ 'data-verdict': 'fail', 'data-severity': 'high', 'data-guideline': '1' }, '5.1-5 Brute force');
  const other = item({ 'data-verdict': 'pass', 'data-severity': '', 'data-guideline': '8 11' }, '6-3 Consent withdrawal');
  const finding = item({ 'data-verdict': 'inconclusive', 'data-severity': 'medium', 'data-guideline': 'general 5' }, 'Evidence hash mismatch');
  const items = [provision, other, finding];
  const groups = [
    { hidden: false, members: [provision, other], querySelector() { return this.members.find((m) => !m.hidden) ?? null; } },
    { hidden: false, members: [finding], querySelector() { return this.members.find((m) => !m.hidden) ?? null; } },
  ];
  const values: Record<string, { value: string }> = { verdict: { value: '' }, severity: { value: '' }, guideline: { value: '' }, text: { value: '' } };
  const listeners: Record<string, (event: { preventDefault(): void }) => void> = {};
  const form = { elements: { namedItem: (n: string) => values[n] ?? null }, addEventListener: (t: string, f: (e: { preventDefault(): void }) => void) => { listeners[t] = f; } };
  const panel = { hidden: true };
  const status = { textContent: '' };
  const byId: Record<string, unknown> = { filters: panel, 'filter-form': form, 'filter-status': status };
  const document = {
    getElementById: (id: string) => byId[id] ?? null,
    querySelectorAll: (sel: string) => (sel === '[data-filter]' ? items : sel === '[data-filter-group]' ? groups : []),
  };
  const set = (name: string, value: string) => { values[name]!.value = value; listeners.input!({ preventDefault() {} }); };
  return { document, panel, status, items, groups, set, listeners, provision, other, finding };
}

test('the filter script shows the panel and filters by verdict, severity, guideline and text', () => {
  const page = fakePage();
  runInNewContext(FILTER_SCRIPT, { document: page.document, window: { setTimeout: (f: () => void) => f() } });
  assert.equal(page.panel.hidden, false);
  assert.equal(page.status.textContent, 'Showing all 3 provisions and findings.');
  page.set('verdict', 'fail');
  assert.deepEqual(page.items.map((i) => i.hidden), [false, true, true]);
  assert.deepEqual(page.groups.map((g) => g.hidden), [false, true], 'a group with nothing left is hidden');
  assert.equal(page.status.textContent, 'Showing 1 of 3 provisions and findings.');
  page.set('verdict', '');
  page.set('guideline', '11');
  assert.deepEqual(page.items.map((i) => i.hidden), [true, false, true], 'space-separated lists match whole values only');
  page.set('guideline', '1');
  assert.deepEqual(page.items.map((i) => i.hidden), [false, true, true], "'1' does not match '11'");
  page.set('guideline', '');
  page.set('severity', 'medium');
  assert.deepEqual(page.items.map((i) => i.hidden), [true, true, false]);
  page.set('severity', '');
  page.set('text', '  HASH ');
  assert.deepEqual(page.items.map((i) => i.hidden), [true, true, false], 'text matches case-insensitively, trimmed');
  page.set('text', '');
  assert.equal(page.status.textContent, 'Showing all 3 provisions and findings.');
});

test('in a real browser the page renders under its CSP, the script runs and hostile input stays inert', async (t) => {
  const browser = ['chromium', 'chromium-browser', 'google-chrome'].find(hasTool);
  if (!browser) return t.skip('no Chromium installed (apt-get install chromium)');
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-html-'));
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, htmlRenderer.render(hostileReport(await assessExample())));
    const run = spawnSync(browser, ['--headless=new', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', `file://${file}`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const dom = run.stdout;
    assert.match(dom, /<section class="filters" id="filters" aria-labelledby="filters-h">/, 'the script ran and showed the filters');
    assert.match(dom, /Showing all \d+ provisions and findings\./);
    assert.equal((dom.match(/<script/gi) ?? []).length, 1);
    // The serialised DOM escapes `<` in text, so these only match real elements and attributes.
    assert.doesNotMatch(dom, /<(img|svg|iframe)\b/i);
    assert.doesNotMatch(dom, /<[a-z][^>]*\son[a-z]+=/i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
