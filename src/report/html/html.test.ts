import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, test } from 'node:test';
import { PROVISIONS } from '../../catalogue/index.js';
import { assessExample, hostileReport, XSS } from '../test-support/sample.js';
import type { Report } from '../types.js';
import { anchorId, escapeHtml, externalHref, html } from './escape.js';
import { htmlRenderer } from './index.js';
import { BADGES, contrast, PAGE } from './palette.js';

let example: Report;
let hostile: Report;
let exampleHtml: string;
let hostileHtml: string;
before(async () => {
  example = await assessExample();
  hostile = hostileReport(example);
  exampleHtml = htmlRenderer.render(example);
  hostileHtml = htmlRenderer.render(hostile);
});

const tags = (doc: string) => [...doc.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)?>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2] ?? '' }));
const attrNames = (attrs: string) => [...attrs.matchAll(/\s([^\s=]+)(?:="[^"]*")?/g)].map((m) => m[1]!.toLowerCase());

test('escapeHtml and the html tag escape every interpolated value', () => {
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  assert.equal(html`<p title="${'"><script>'}">${XSS}</p>`.value, '<p title="&quot;&gt;&lt;script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  assert.equal(html`${['<', html`<b>`, 1, null, undefined, false]}`.value, '&lt;<b>1');
  assert.equal(anchorId('finding', 'a b"#<_'), 'finding-a_20_b_22__23__3c__5f_');
  assert.equal(externalHref('javascript:alert(1)'), undefined);
  assert.equal(externalHref('data:text/html,x'), undefined);
  assert.equal(externalHref(' https://x.example'), undefined);
  assert.equal(externalHref('https://x.example/a b'), 'https://x.example/a%20b');
});

test('the report holds every provision, guideline, finding and check', () => {
  for (const p of PROVISIONS) assert.ok(exampleHtml.includes(`id="${anchorId('provision', p.id)}"`), p.id);
  for (let g = 1; g <= 13; g += 1) assert.ok(exampleHtml.includes(`id="guideline-${g}"`), `guideline ${g}`);
  for (const f of hostile.findings) assert.ok(hostileHtml.includes(`id="${anchorId('finding', f.id)}"`), f.id);
  for (const c of hostile.checks) assert.ok(hostileHtml.includes(`id="${anchorId('check', c.id)}"`), c.id);
  for (const r of example.cra.requirements) assert.ok(exampleHtml.includes(`<th scope="row">${escapeHtml(r.reference)}</th>`), r.id);
  for (const r of example.psti.requirements) assert.ok(exampleHtml.includes(`Paragraph ${r.paragraph}`));
  const ids = [...hostileHtml.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'no id is used twice (6-3 sits under guidelines 8 and 11)');
});

test('nothing is loaded from outside; the only links are fragments and http(s) URLs from the report', () => {
  const allowed = new Set(hostile.findings.map((f) => f.location.url).filter((u) => u !== undefined).map((u) => externalHref(u)).filter((u) => u !== undefined).map(escapeHtml));
  assert.equal(allowed.size, 1, 'the hostile report has one http(s) URL (and one javascript: URL that must not be linked)');
  for (const doc of [exampleHtml, hostileHtml]) {
    assert.doesNotMatch(doc, /<(link|img|iframe|object|embed|base|frame|audio|video|source)\b/i);
    assert.doesNotMatch(doc, /@import|url\(/i);
    for (const tag of tags(doc)) {
      for (const m of tag.attrs.matchAll(/\s(src|href|action|formaction|poster|srcset|data)="([^"]*)"/g)) {
        assert.ok(m[1] === 'href' && (m[2]!.startsWith('#') || allowed.has(m[2]!)), `${m[1]}="${m[2]}"`);
      }
    }
  }
  assert.ok(hostileHtml.includes('rel="noopener noreferrer nofollow"'));
  assert.doesNotMatch(hostileHtml, /href="javascript:/i);
});

test('hostile strings from titles, paths, evidence, checks and the product are inert text', () => {
  assert.equal((hostileHtml.match(/<script/gi) ?? []).length, 1, 'only the renderer\'s own script');
  const known = new Set(tags(exampleHtml).map((t) => t.name));
  for (const t of tags(hostileHtml)) {
    assert.ok(known.has(t.name), `unexpected <${t.name}>`);
    for (const a of attrNames(t.attrs)) assert.doesNotMatch(a, /^on|^style$|^srcdoc$/, `attribute ${a} on <${t.name}>`);
  }
  assert.ok(hostileHtml.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Shared root password'));
  assert.ok(hostileHtml.includes('/etc/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;shadow'));
  assert.ok(hostileHtml.includes('firmware/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;.bin'));
  assert.ok(hostileHtml.includes('\\u202eevil\\x00nul'), 'bidi override and NUL are shown, not obeyed');
  assert.ok(hostileHtml.includes('<title>iotcop report: Brightwatt SP-200&quot;&gt;&lt;img'));
});

test('the Content-Security-Policy allows exactly the inline stylesheet and script, by hash', () => {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(exampleHtml)?.[1]?.replace(/&#39;/g, "'");
  const style = /<style>([\s\S]*?)<\/style>/.exec(exampleHtml)?.[1];
  const script = /<script>([\s\S]*?)<\/script>/.exec(exampleHtml)?.[1];
  assert.ok(csp && style && script);
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  assert.ok(csp.includes("default-src 'none'"));
  assert.ok(csp.includes(`style-src ${hash(style)}`));
  assert.ok(csp.includes(`script-src ${hash(script)}`));
});

test('without JavaScript everything is shown and the filter panel stays hidden', () => {
  assert.match(exampleHtml, /<section class="filters" id="filters" aria-labelledby="filters-h" hidden>/);
  const items = tags(exampleHtml).filter((t) => /\sdata-filter[\s>]|\sdata-filter$/.test(t.attrs));
  assert.equal(items.length, 69 + example.findings.length, '68 provisions (6-3 twice) and every finding');
  for (const t of items) assert.ok(!attrNames(t.attrs).includes('hidden'));
});

test('accessible structure: lang, headings in order, captioned tables with header scopes, worded verdicts', () => {
  assert.match(exampleHtml, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(exampleHtml, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  const levels = [...exampleHtml.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  assert.equal(levels[0], 1);
  for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i]! <= levels[i - 1]! + 1, `h${levels[i - 1]} then h${levels[i]}`);
  const tables = exampleHtml.split('<table').slice(1);
  assert.ok(tables.length > 15);
  for (const t of tables) {
    const body = t.slice(0, t.indexOf('</table>'));
    assert.match(body, /^[^>]*><caption>[^<]/);
    assert.doesNotMatch(body, /<th(?=[\s>])(?![^>]*scope="(?:col|row)")/);
    for (const row of body.slice(body.indexOf('<tbody>')).split('<tr').slice(1)) assert.match(row, /^[^>]*><th scope="row"/);
  }
  for (const word of ['Pass', 'Fail', 'Inconclusive', 'Not applicable']) assert.match(exampleHtml, new RegExp(`<span class="sym" aria-hidden="true">[^<]+</span> ${word}</span>`));
  assert.match(exampleHtml, /@media print\{/);
  assert.match(exampleHtml, /@media \(max-width:40rem\)\{/);
});

test('every colour pair meets WCAG AA contrast for text (4.5:1)', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
  for (const [name, c] of Object.entries(BADGES)) assert.ok(contrast(c.fg, c.bg) >= 4.5, `${name}: ${contrast(c.fg, c.bg).toFixed(2)}`);
  for (const fg of [PAGE.fg, PAGE.muted, PAGE.link]) {
    for (const bg of [PAGE.bg, PAGE.zebra]) assert.ok(contrast(fg, bg) >= 4.5, `${fg} on ${bg}`);
  }
});

test('the report is deterministic', () => {
  assert.equal(htmlRenderer.render(hostile), hostileHtml);
});
