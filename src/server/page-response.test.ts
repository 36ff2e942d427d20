import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseCoding, etagMatches, representation, wantsJson } from './page-response.js';

test('content coding follows Accept-Encoding, and q=0 refuses one', () => {
  assert.equal(chooseCoding(undefined), 'identity');
  assert.equal(chooseCoding(''), 'identity');
  assert.equal(chooseCoding('gzip, deflate, br'), 'br');
  assert.equal(chooseCoding('gzip, deflate'), 'gzip');
  assert.equal(chooseCoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseCoding('GZIP'), 'gzip');
  assert.equal(chooseCoding('*'), 'br');
  assert.equal(chooseCoding('*, br;q=0'), 'gzip');
  assert.equal(chooseCoding('*;q=0'), 'identity');
  assert.equal(chooseCoding('deflate, compress'), 'identity');
});

test('If-None-Match matches our tag, a weak copy of it, or *', () => {
  assert.equal(etagMatches(undefined, '"abc"'), false);
  assert.equal(etagMatches('"abc"', '"abc"'), true);
  assert.equal(etagMatches('"x", W/"abc"', '"abc"'), true);
  assert.equal(etagMatches('*', '"abc"'), true);
  assert.equal(etagMatches('"abcd"', '"abc"'), false);
  assert.equal(etagMatches('abc', '"abc"'), false);
});

test('JSON only for clients that ask for it and not for HTML', () => {
  assert.equal(wantsJson(undefined, 'application/json'), true);
  assert.equal(wantsJson(undefined, 'text/html,application/json'), false);
  assert.equal(wantsJson(undefined, undefined), false);
  assert.equal(wantsJson('json', 'text/html'), true);
  assert.equal(wantsJson('html', 'application/json'), false);
});

test('a representation holds the same bytes in every coding, each with its own strong ETag and headers', () => {
  const text = `<!doctype html><p>${'Brightwatt SP-200 · '.repeat(200)}</p>`;
  const r = representation(text, 'text/html; charset=utf-8');
  assert.equal(r.identity.body.toString('utf8'), text);
  assert.deepEqual(gunzipSync(r.gzip.body), r.identity.body);
  assert.deepEqual(brotliDecompressSync(r.br.body), r.identity.body);
  assert.ok(r.br.body.length < r.identity.body.length / 4, 'compressed');
  const tags = new Set([r.identity.etag, r.gzip.etag, r.br.etag]);
  assert.equal(tags.size, 3);
  for (const tag of tags) assert.match(tag, /^"[A-Za-z0-9_-]+"$/, 'strong, quoted');
  assert.equal(r.gzip.headers['content-encoding'], 'gzip');
  assert.equal(r.identity.headers['content-encoding'], undefined);
  assert.equal(r.br.headers['content-length'], String(r.br.body.length));
  assert.equal(r.identity.headers['content-security-policy']?.startsWith("default-src 'none'"), true);
  assert.equal(representation('{}', 'application/json; charset=utf-8').identity.headers['content-security-policy'], undefined);
  // Another text, another tag; the same text, the same tag (stable across processes).
  assert.notEqual(representation(`${text}!`, 'text/html; charset=utf-8').identity.etag, r.identity.etag);
  assert.equal(representation(text, 'text/html; charset=utf-8').identity.etag, r.identity.etag);
});
