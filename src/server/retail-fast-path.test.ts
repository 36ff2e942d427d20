import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postToRoute, postToServer, rawExchange, withoutDate } from '../test-support/http-exchange.js';
import { auth, DATABASES, testRegistry } from '../test-support/registry.js';
import { seedExample } from '../test-support/registry-seed.js';

// The retailer check's fast path (retail-fast-path.ts) on a listening server, compared with the Fastify route
// (app.inject, which the fast path never sees). Its counters show which path answered: `answered` (by itself),
// `replayed` (it read the body, Fastify answered), `handedOver` (to Fastify before the body).

const PATH = '/api/v1/retail/check';
const MAX_ROWS = 20;

for (const { dialect, skip } of DATABASES) {
  test(`retail fast path answers like the route on ${dialect}`, { skip }, async (t) => {
    const r = await testRegistry(dialect, { limits: { retailRows: MAX_ROWS } });
    t.after(() => r.close());
    const s = await seedExample(r.app, r.adminToken, 'brightwatt', { statement: true });
    await r.app.inject({ method: 'PATCH', url: `/api/v1/orgs/brightwatt/products/${s.productId}`, headers: auth(s.ownerToken), payload: { gtin: '05060123456783' } });
    const base = await r.app.listen({ port: 0, host: '127.0.0.1' });
    const fast = r.app.retailFastPath;
    const json = { ...auth(s.ownerToken), 'content-type': 'application/json' };
    const both = async (path: string, headers: Record<string, string>, body: string) => ({
      server: await postToServer(base, path, headers, body), route: await postToRoute(r.app, path, headers, body),
    });

    await t.test('valid checks: the same status, headers in the same order and bytes, answered by the fast path', async () => {
      const body = JSON.stringify({ identifiers: ['SP-200', '05060123456783', s.labelId, 'UNKNOWN-1', 'sp-200', 'Zürich ☃ 𝄞', 'SP-200'] });
      const cases: [string, Record<string, string>][] = [
        [PATH, json],
        [`${PATH}?format=json`, { ...json, accept: 'text/csv' }],
        [`${PATH}?format=csv`, json],
        [PATH, { ...json, accept: 'text/csv' }],
        [PATH, { ...json, 'content-type': 'application/json; charset=utf-8' }],
        [PATH, { ...json, 'content-type': 'Application/JSON;charset=UTF-8' }],
      ];
      for (const [path, headers] of cases) {
        for (const round of ['computed', 'from the answer cache']) {
          const before = fast.answered;
          const { server, route } = await both(path, headers, body);
          assert.equal(fast.answered, before + 1, `${path} ${round}: the fast path answered`);
          assert.deepEqual(server, route, `${path} ${JSON.stringify(headers)} ${round}`);
          assert.equal(server.status, 200);
        }
      }
      const plain = await postToServer(base, PATH, json, body);
      assert.deepEqual(plain.headers, [['content-type', 'application/json; charset=utf-8'], ['x-content-type-options', 'nosniff'], ['referrer-policy', 'no-referrer'], ['x-frame-options', 'DENY'], ['content-length', String(Buffer.byteLength(plain.body))]]);
      const answer = JSON.parse(plain.body) as { checked: number; ok: number; results: { identifier: string; matchedBy: string | null }[] };
      assert.deepEqual([answer.checked, answer.ok], [7, 5]);
      assert.deepEqual(answer.results.map((x) => x.matchedBy), ['model', 'gtin', 'label', null, 'model', null, 'model']);
      assert.equal(answer.results[5]!.identifier, 'Zürich ☃ 𝄞');
      const csv = await postToServer(base, `${PATH}?format=csv`, json, body);
      assert.match(csv.body, /^identifier,found,matched_by,/);
      assert.equal(csv.headers[0]![1], 'text/csv; charset=utf-8');
    });

    await t.test('invalid bodies: the route\'s own error (status, code, message, headers), replayed into Fastify', async () => {
      const bodies: [string, string][] = [
        ['bad JSON', '{"identifiers":['],
        ['not an object', '["SP-200"]'],
        ['null', 'null'],
        ['no identifiers', '{}'],
        ['an extra key', '{"identifiers":["SP-200"],"limit":1}'],
        ['a prototype key', '{"identifiers":["SP-200"],"__proto__":{"x":1}}'],
        ['identifiers not an array', '{"identifiers":"SP-200"}'],
        ['an empty array', '{"identifiers":[]}'],
        ['too many rows', JSON.stringify({ identifiers: Array.from({ length: MAX_ROWS + 1 }, (_, i) => `M-${i}`) })],
        ['a number', '{"identifiers":["SP-200",7]}'],
        ['an empty string', '{"identifiers":[""]}'],
        ['a string too long', JSON.stringify({ identifiers: ['x'.repeat(129)] })],
      ];
      for (const [what, body] of bodies) {
        const before = { answered: fast.answered, replayed: fast.replayed };
        const { server, route } = await both(PATH, json, body);
        assert.deepEqual(server, route, what);
        assert.equal(server.status, 400, what);
        assert.equal((JSON.parse(server.body) as { error: { code: string } }).error.code, 'ERR_VALIDATION', what);
        assert.deepEqual({ answered: fast.answered, replayed: fast.replayed }, { answered: before.answered, replayed: before.replayed + 1 }, what);
      }
    });

    await t.test('bodies the route accepts but the fast path does not check itself are answered by Fastify alike', async () => {
      // A byte-order mark (Fastify's parser strips it) and 128 characters outside the BMP (256 UTF-16 units; ajv
      // counts code points).
      for (const body of ['\uFEFF{"identifiers":["SP-200"]}', JSON.stringify({ identifiers: ['𝄞'.repeat(128)] })]) {
        const before = fast.replayed;
        const { server, route } = await both(PATH, json, body);
        assert.deepEqual(server, route);
        assert.equal(server.status, 200);
        assert.equal(fast.replayed, before + 1);
      }
    });

    await t.test('what the fast path leaves to Fastify: big, chunked, empty, cookies, HEAD, other queries', async () => {
      const before = { ...fast };
      const body = JSON.stringify({ identifiers: ['SP-200', s.labelId] });
      const expected = await postToRoute(r.app, PATH, json, body);
      // Over the fast path's 64 KiB, under the route's limit: the route answers, the same bytes.
      assert.deepEqual(await postToServer(base, PATH, json, body + ' '.repeat(70 * 1024)), expected);
      const tooBig = await postToServer(base, PATH, json, body + ' '.repeat(300 * 1024));
      assert.deepEqual(tooBig, await postToRoute(r.app, PATH, json, body + ' '.repeat(300 * 1024)));
      assert.equal(tooBig.status, 413);
      const empty = await postToServer(base, PATH, json, '');
      assert.deepEqual([empty.status, (JSON.parse(empty.body) as { error: { code: string } }).error.code], [400, 'ERR_VALIDATION']);
      assert.deepEqual(await postToServer(base, PATH, { ...json, cookie: 'a=b' }, body), expected);
      assert.deepEqual(await postToServer(base, `${PATH}?format=json&x=1`, json, body), await postToRoute(r.app, `${PATH}?format=json&x=1`, json, body));
      const chunked = await new Promise<number>((resolve, reject) => {
        void import('node:http').then(({ request }) => {
          const req = request(`${base}${PATH}`, { method: 'POST', headers: json }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
          req.on('error', reject);
          req.write(body.slice(0, 10));
          req.end(body.slice(10));
        });
      });
      assert.equal(chunked, 200);
      const head = await fetch(`${base}${PATH}`, { method: 'HEAD', headers: json });
      assert.equal(head.status, 404);
      assert.deepEqual([fast.answered, fast.replayed, fast.handedOver], [before.answered, before.replayed, before.handedOver]);
    });

    await t.test('lying Content-Length and aborted bodies: the same as on the route, and the server carries on', async () => {
      const head = (length: number) => `POST ${PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.ownerToken}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
      const body = '{"identifiers":["SP-200"]}';
      const before = { answered: fast.answered, replayed: fast.replayed };
      // Fewer bytes than declared, then the client half-closes: node:http's clientError answer (Fastify's), whether
      // the fast path took the request (declared 100) or the route did (declared 70 KiB).
      const short = await rawExchange(base, head(100) + body, { end: true });
      assert.match(short, /^HTTP\/1\.1 400 /);
      assert.equal(withoutDate(short), withoutDate(await rawExchange(base, head(70 * 1024) + body, { end: true })));
      // More bytes than declared: the rest is read as the next request, which is malformed.
      assert.match(await rawExchange(base, head(10) + body, { end: true }), /^HTTP\/1\.1 400 /);
      // A client that resets the connection halfway through its body.
      assert.equal(await rawExchange(base, head(100) + body.slice(0, 10), { destroy: true }), '');
      assert.equal(fast.answered, before.answered, 'none of these was answered as a check');
      const ok = await postToServer(base, PATH, json, body);
      assert.equal(ok.status, 200);
      assert.equal(fast.answered, before.answered + 1);
    });
  });
}
