import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { marked } from 'marked';
import { assessExample, hostileReport, XSS } from '../test-support/sample.js';
import type { Report } from '../types.js';
import { mdCell, mdCode, mdCodeCell, mdFence, mdText } from './escape.js';
import { markdownRenderer } from './index.js';

// marked renders GFM (tables, autolinks) and passes raw HTML through, as GitHub does before sanitising: if
// report text could become markup, it would show up here.
const toHtml = (md: string) => marked.parse(md, { async: false });

let example: Report;
let hostile: Report;
before(async () => {
  example = await assessExample();
  hostile = hostileReport(example);
});

test('inline text cannot become HTML, links, emphasis or block markup', () => {
  const nasty = `${XSS} [x](javascript:alert(1)) ![i](http://t.example/p.png) *b* _i_ ~s~ $m$ http://evil.example www.evil.example a@b.example`;
  const html = toHtml(mdText(nasty));
  assert.doesNotMatch(html, /<(script|a|img|em|strong|del)\b/i);
  assert.ok(html.includes('&lt;script&gt;'), 'markup shows as text');
  for (const start of ['# h', '- item', '+ item', '> quote', '1. one', '3) three', '===']) {
    assert.equal(toHtml(mdText(start)).trim(), `<p>${start.replace('>', '&gt;')}</p>`, start);
  }
});

test('table cells keep their column count whatever the text holds', () => {
  const row = `| ${mdCell('a | b\nc')} | ${mdCodeCell('x|y`z')} |`;
  const html = toHtml(`| A | B |\n| --- | --- |\n${row}\n`);
  assert.equal((html.match(/<td>/g) ?? []).length, 2);
  assert.ok(html.includes('a | b<br>c'));
  assert.ok(html.includes('<code>x|y`z</code>'));
});

test('code spans and fences cannot be closed from inside', () => {
  assert.equal(toHtml(mdCode('a ``` b')).trim(), '<p><code>a ``` b</code></p>');
  assert.equal(toHtml(mdCode('`tick`')).trim(), '<p><code>`tick`</code></p>');
  const fenced = toHtml(`${mdFence('line\n```\n# not a heading\r\n<b>')}\n\nafter`);
  assert.match(fenced, /<pre><code class="language-text">line\n```\n# not a heading\n&lt;b&gt;\n<\/code><\/pre>\n<p>after<\/p>/);
});

test('report.md has the headline verdicts, PSTI, guidelines, open provisions and findings', () => {
  const md = markdownRenderer.render(example);
  for (const heading of ['## Product', '## Verdicts', '## UK PSTI: Schedule 1 security requirements', '## Guidelines of the Code of Practice', '## Failing and inconclusive provisions', '## Findings', '## Checks']) {
    assert.ok(md.includes(`\n${heading}\n`), heading);
  }
  const html = toHtml(md);
  for (const p of example.provisions.filter((x) => x.verdict === 'fail' || x.verdict === 'inconclusive')) {
    assert.ok(html.includes(`<code>${p.id}</code>`), `${p.id} is listed`);
  }
  for (const f of example.findings) assert.ok(html.includes(`<code>${f.id}</code>`), `${f.id} is listed`);
  for (let g = 1; g <= 13; g += 1) assert.match(html, new RegExp(`<td>${g}</td>`));
});

test('hostile report strings stay text in report.md', () => {
  const html = toHtml(markdownRenderer.render(hostile));
  assert.doesNotMatch(html, /<(script|img|iframe|svg)\b/i);
  assert.doesNotMatch(html, /<a\s/i, 'no link is made from report data');
  assert.ok(html.includes('\\u202eevil\\x00nul'), 'hidden characters are shown');
  for (const table of html.split('<table>').slice(1)) {
    const head = (table.match(/<th>/g) ?? []).length;
    for (const row of table.slice(table.indexOf('<tbody>')).split('<tr>').slice(1)) assert.equal((row.match(/<td>/g) ?? []).length, head);
  }
  for (const f of hostile.findings) assert.ok(html.includes(f.id.replace(/</g, '&lt;').replace(/>/g, '&gt;')), f.id);
});

test('report.md is deterministic', () => {
  assert.equal(markdownRenderer.render(hostile), markdownRenderer.render(hostile));
});
