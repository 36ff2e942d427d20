import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { marked } from 'marked';
import { PROVISIONS } from '../../catalogue/index.js';
import { assessExample, hostileReport } from '../test-support/sample.js';
import type { Report } from '../types.js';
import { csvField } from './csv.js';
import { icsCsvRenderer, icsMarkdownRenderer } from './index.js';
import { ICS_COLUMNS } from './rows.js';

/**
 * A strict RFC 4180 reader, written for this test: records end with CRLF, quoted fields may hold commas, CRLF and
 * doubled quotes, and a quote anywhere else (or a bare CR/LF) is an error.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bad character in unquoted field at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') { i += 1; continue; }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    records.push(record);
    record = [];
  }
  return records;
}

let example: Report;
let hostile: Report;
before(async () => {
  example = await assessExample();
  hostile = hostileReport(example);
});

test('the test CSV reader rejects what RFC 4180 forbids', () => {
  assert.throws(() => parseCsv('a,b'), /CRLF/);
  assert.throws(() => parseCsv('a,b\n'), /bad character/);
  assert.throws(() => parseCsv('a"b\r\n'), /bad character/);
  assert.throws(() => parseCsv('"a\r\n'), /unterminated/);
  assert.deepEqual(parseCsv('"a,""b""\r\nc",d\r\n'), [['a,"b"\r\nc', 'd']]);
});

test('ics.csv is RFC 4180 with a header and one row per EN 303 645 provision', () => {
  const records = parseCsv(icsCsvRenderer.render(example));
  assert.deepEqual(records[0], [...ICS_COLUMNS]);
  const rows = records.slice(1);
  assert.equal(rows.length, 68);
  assert.deepEqual(rows.map((r) => r[0]), PROVISIONS.map((p) => p.id));
  for (const row of rows) assert.equal(row.length, ICS_COLUMNS.length);
});

test('status, support and detail follow the verdicts', () => {
  const rows = new Map(parseCsv(icsCsvRenderer.render(example)).slice(1).map((r) => [r[0]!, r]));
  for (const p of example.provisions) {
    const [, summary, status, support, detail] = rows.get(p.id)!;
    assert.equal(summary, p.gist);
    assert.match(status!, p.condition ? new RegExp(`^${p.status} C: .*\\(${p.condition.id}: applies if (yes|no); answer: `) : new RegExp(`^${p.status}$`));
    assert.equal(support, { pass: 'Y', fail: 'N', 'not-applicable': 'N/A', inconclusive: '?' }[p.verdict]);
    assert.ok(detail!.includes(p.justification), `${p.id} detail carries the justification`);
    assert.match(detail!, /Basis: /);
    if (p.verdict === 'inconclusive') assert.ok(detail!.startsWith('Not determined. '));
  }
  // The example has each support value at least once, so the mapping is really exercised.
  assert.deepEqual(new Set([...rows.values()].map((r) => r[3])), new Set(['Y', 'N', 'N/A', '?']));
});

test('hostile text round-trips through the CSV, with formulas neutralised', () => {
  const records = parseCsv(icsCsvRenderer.render(hostile));
  assert.equal(records.length, 69);
  const row = records.find((r) => r[0] === '5.1-1')!;
  const p = hostile.provisions.find((x) => x.id === '5.1-1')!;
  assert.ok(row[4]!.includes(p.justification), 'quotes, pipes and markup survive quoting');
  assert.ok(row[4]!.includes(p.findings.at(-1)!));
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('-2'), "'-2");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('a "b", c'), '"a ""b"", c"');
  assert.equal(csvField('x\u0000'), 'x\\x00');
  assert.equal(csvField('plain'), 'plain');
});

test('ics.md is a GFM table with 68 provision rows and the same columns', () => {
  const md = icsMarkdownRenderer.render(hostile);
  const html = marked.parse(md, { async: false });
  const bodyRows = html.slice(html.indexOf('<tbody>')).match(/<tr>/g) ?? [];
  assert.equal(bodyRows.length, 68);
  assert.equal((html.match(/<th>/g) ?? []).length, ICS_COLUMNS.length);
  for (const row of html.slice(html.indexOf('<tbody>')).split('<tr>').slice(1)) assert.equal((row.match(/<td>/g) ?? []).length, ICS_COLUMNS.length);
  assert.doesNotMatch(html, /<script|<img|<a /i);
});

test('both ICS renderers are deterministic', () => {
  for (const r of [icsCsvRenderer, icsMarkdownRenderer]) assert.equal(r.render(hostile), r.render(hostile));
});
