import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotSource } from './snapshot.js';

function snapshot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-snap-'));
  mkdirSync(join(dir, 'example.com', '.well-known'), { recursive: true });
  mkdirSync(join(dir, 'example.com', 'security', 'policy'), { recursive: true });
  mkdirSync(join(dir, 'example.com_8443'), { recursive: true });
  writeFileSync(join(dir, 'example.com', '.well-known', 'security.txt'), 'Contact: mailto:s@example.com\n');
  writeFileSync(join(dir, 'example.com', 'index.html'), '<html>home</html>');
  writeFileSync(join(dir, 'example.com', 'security', 'policy', 'index.html'), '<p>policy</p>');
  writeFileSync(join(dir, 'example.com', 'privacy'), '  <!doctype html><p>privacy</p>');
  writeFileSync(join(dir, 'example.com_8443', 'notes'), 'plain words');
  const outside = mkdtempSync(join(tmpdir(), 'iotcop-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'outside');
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'example.com', 'leak.txt'));
  return dir;
}

test('URLs map to the wget -x layout, with index.html for folders and _port for ports', async () => {
  const source = new SnapshotSource(snapshot());
  const txt = await source.get('https://example.com/.well-known/security.txt');
  assert.deepEqual([txt.status, txt.contentType, txt.tls, txt.source, txt.body?.toString()], [200, 'text/plain; charset=utf-8', 'not-checked', 'snapshot', 'Contact: mailto:s@example.com\n']);
  assert.equal((await source.get('https://example.com/')).body?.toString(), '<html>home</html>');
  assert.equal((await source.get('https://example.com/security/policy')).body?.toString(), '<p>policy</p>');
  assert.equal((await source.get('https://example.com/security/policy/?utm=1#top')).body?.toString(), '<p>policy</p>');
  assert.equal((await source.get('https://example.com/privacy')).contentType, 'text/html; charset=utf-8');
  assert.equal((await source.get('https://example.com:8443/notes')).contentType, 'text/plain; charset=utf-8');
});

test('nothing outside the folder is read', async () => {
  const source = new SnapshotSource(snapshot());
  for (const url of ['https://example.com/../secret.txt', 'https://example.com/%2e%2e/secret.txt', 'https://example.com/a%2f..%2f..%2fsecret.txt', 'https://example.com/leak.txt']) {
    const r = await source.get(url);
    assert.equal(r.body, undefined, url);
    assert.equal(r.error?.code, 'not-in-snapshot', url);
  }
});

test('missing copies, http and oversized copies are reported, not thrown', async () => {
  const source = new SnapshotSource(snapshot());
  assert.equal((await source.get('https://example.com/nope')).error?.code, 'not-in-snapshot');
  assert.equal((await source.get('http://example.com/')).error?.code, 'not-https');
  assert.equal((await source.get('not a url')).error?.code, 'bad-url');
  assert.equal((await source.get('https://example.com/', { maxBytes: 4 })).error?.code, 'too-large');
  assert.equal((await new SnapshotSource('/nonexistent/iotcop').get('https://example.com/')).error?.code, 'not-in-snapshot');
});
