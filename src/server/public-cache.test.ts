import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { CLI_ACTOR } from '../registry/audit.js';
import { listTokens, revokeToken } from '../registry/auth/tokens.js';
import { createContext } from '../registry/context.js';
import { openDatabase } from '../registry/db/connect.js';
import { revokeLabel } from '../registry/labels/service.js';
import { auth, DATABASES, testRegistry } from '../test-support/registry.js';
import { seedExample } from '../test-support/registry-seed.js';

// The cached label page is served by the fast path in front of Fastify (fast-path.ts). These tests run a real
// listening server: app.inject would bypass the fast path.

const VOLATILE = new Set(['date', 'connection', 'keep-alive']);
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => !VOLATILE.has(k)).sort(([a], [b]) => a.localeCompare(b)));

for (const { dialect, skip } of DATABASES) {
  test(`cached label pages on ${dialect}`, { skip }, async (t) => {
    const r = await testRegistry(dialect);
    t.after(() => r.close());
    const s = await seedExample(r.app, r.adminToken, 'brightwatt', { statement: true });
    const base = await r.app.listen({ port: 0, host: '127.0.0.1' });
    const page = `${base}/p/${s.labelId}`;
    const fast = r.app.publicFastPath;

    await t.test('the fast path answers a cached page with exactly the bytes and headers the route sends', async () => {
      const before = fast.answered;
      const first = await fetch(page); // a miss: Fastify's route renders and caches it
      const firstBody = Buffer.from(await first.arrayBuffer());
      assert.equal(fast.answered, before);
      const second = await fetch(page);
      const secondBody = Buffer.from(await second.arrayBuffer());
      assert.equal(fast.answered, before + 1, 'the second request was answered by the fast path');
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      assert.deepEqual(secondBody, firstBody);
      assert.deepEqual(headersOf(second), headersOf(first));
      const h = headersOf(second);
      assert.equal(h['content-type'], 'text/html; charset=utf-8');
      assert.equal(h['x-content-type-options'], 'nosniff');
      assert.equal(h['x-frame-options'], 'DENY');
      assert.equal(h['referrer-policy'], 'no-referrer');
      assert.match(h['content-security-policy'] ?? '', /^default-src 'none'/);
      assert.equal(h['cache-control'], 'public, no-cache');
      assert.match(h.etag ?? '', /^"[A-Za-z0-9_-]+"$/);
      assert.match(firstBody.toString('utf8'), /Label status: <strong>valid<\/strong>/);
    });

    await t.test('JSON, HEAD, 304 and gzip come from the same cache entry', async () => {
      const json = await fetch(`${page}?format=json`);
      assert.equal(json.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal((await json.json() as { label: { status: string } }).label.status, 'valid');
      const byAccept = await fetch(page, { headers: { accept: 'application/json' } });
      assert.equal(byAccept.headers.get('etag'), json.headers.get('etag'));
      await byAccept.arrayBuffer();
      const head = await fetch(page, { method: 'HEAD' });
      assert.equal(head.status, 200);
      const get = await fetch(page);
      await get.arrayBuffer();
      assert.equal(head.headers.get('content-length'), get.headers.get('content-length'));
      assert.equal(head.headers.get('etag'), get.headers.get('etag'));
      // node's fetch asks for gzip and decompresses by itself; raw requests show what was sent.
      const plain = await rawGet(page, {});
      const etag = String(plain.headers.etag);
      assert.equal(plain.headers['content-encoding'], undefined);
      const again = await rawGet(page, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.headers.etag, etag);
      assert.equal(again.body.length, 0);
      const gz = await rawGet(page, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.notEqual(gz.headers.etag, etag);
      assert.deepEqual(gunzipSync(gz.body), plain.body);
      assert.equal((await rawGet(page, { 'accept-encoding': 'gzip', 'if-none-match': etag })).status, 200, 'the identity tag does not validate the gzip copy');
      // A scanned label is checked on each request, never served from the cache.
      const before = fast.answered;
      const scanned = await fetch(`${page}?s=not.a.label`);
      assert.match(await scanned.text(), /could not be verified/);
      assert.equal(fast.answered, before);
    });

    await t.test('a label revoked through the API shows as revoked on the very next request', async () => {
      await (await fetch(page)).arrayBuffer();
      const res = await fetch(`${base}/api/v1/orgs/brightwatt/labels/${s.labelId}/revoke`, { method: 'POST', headers: { ...auth(s.ownerToken), 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'debug shell in 2.4.1' }) });
      assert.equal(res.status, 200);
      assert.match(await (await fetch(page)).text(), /Label status: <strong>revoked<\/strong>/);
    });
  });
}

test('on SQLite, a revocation by another process shows at once: page, retail check and token', async (t) => {
  const r = await testRegistry('sqlite');
  t.after(() => r.close());
  const s = await seedExample(r.app, r.adminToken, 'brightwatt', { statement: true });
  const base = await r.app.listen({ port: 0, host: '127.0.0.1' });
  const page = `${base}/p/${s.labelId}`;
  const retail = () => fetch(`${base}/api/v1/retail/check`, { method: 'POST', headers: { ...auth(s.ownerToken), 'content-type': 'application/json' }, body: JSON.stringify({ identifiers: [s.labelId] }) });

  // Warm every cache: the page (twice, so the fast path serves it), the retail answer, the token.
  await (await fetch(page)).arrayBuffer();
  assert.match(await (await fetch(page)).text(), /Label status: <strong>valid<\/strong>/);
  assert.equal((await (await retail()).json() as { results: { labelStatus: string }[] }).results[0]?.labelStatus, 'valid');

  // Another process: its own connection to the same file, as `iotcop admin` or a second `serve` process has.
  const other = openDatabase(r.ctx.handle.location);
  t.after(() => other.close());
  const ctx2 = createContext(other, { dataDir: r.dataDir, publicUrl: r.ctx.publicUrl, version: 'test' });
  const orgId = (await other.db.selectFrom('labels').select('org_id').where('id', '=', s.labelId).executeTakeFirstOrThrow()).org_id;
  await revokeLabel(ctx2, CLI_ACTOR, orgId, s.labelId, 'revoked from another process');

  const html = await (await fetch(page)).text();
  assert.match(html, /Label status: <strong>revoked<\/strong>/);
  assert.match(html, /revoked from another process/);
  const answer = await (await retail()).json() as { results: { labelStatus: string; ok: boolean }[] };
  assert.equal(answer.results[0]?.labelStatus, 'revoked');
  assert.equal(answer.results[0]?.ok, false);

  // A token revoked elsewhere is refused on the next request, cached principal or not.
  const tokens = await listTokens(ctx2, orgId);
  for (const tok of tokens) await revokeToken(ctx2, CLI_ACTOR, orgId, tok.id);
  assert.equal((await retail()).status, 401);
});

async function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number | undefined; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}
