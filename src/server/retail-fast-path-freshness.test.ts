import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI_ACTOR } from '../registry/audit.js';
import { listTokens, revokeToken } from '../registry/auth/tokens.js';
import { createContext } from '../registry/context.js';
import { openDatabase } from '../registry/db/connect.js';
import { revokeLabel } from '../registry/labels/service.js';
import { postToRoute, postToServer, rawExchange } from '../test-support/http-exchange.js';
import { auth, DATABASES, testRegistry } from '../test-support/registry.js';
import { seedExample } from '../test-support/registry-seed.js';

// The retail fast path never answers from anything staler than the route would: revoked tokens and labels, the
// rate limit for anonymous callers, the clock, other processes' writes and a closing server.

const PATH = '/api/v1/retail/check';
type Answer = { results: { labelStatus: string; supportRunning: boolean; ok: boolean }[] };

for (const { dialect, skip } of DATABASES) {
  test(`retail fast path freshness on ${dialect}`, { skip }, async (t) => {
    let now = new Date('2027-03-01T12:00:00Z');
    const r = await testRegistry(dialect, { clock: () => now, server: { rateLimits: { retailPerMinute: 3 } } });
    t.after(() => r.close());
    const s = await seedExample(r.app, r.adminToken, 'brightwatt', { statement: true });
    const base = await r.app.listen({ port: 0, host: '127.0.0.1' });
    const fast = r.app.retailFastPath;
    const body = JSON.stringify({ identifiers: [s.labelId, 'SP-200'] });
    const check = (token: string | undefined) => postToServer(base, PATH, { ...(token ? auth(token) : {}), 'content-type': 'application/json' }, body);
    const answer = async (token: string) => JSON.parse((await check(token)).body) as Answer;

    await t.test('unknown, malformed and revoked tokens go to Fastify, which refuses them', async () => {
      const created = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/tokens', headers: auth(s.ownerToken), payload: { name: 'shop', role: 'viewer' } });
      const { id, token } = created.json<{ id: string; token: string }>();
      let before = fast.answered;
      assert.equal((await check(token)).status, 200);
      assert.equal((await check(token)).status, 200);
      assert.equal(fast.answered, before + 2, 'a valid token is answered by the fast path');
      const handed = fast.handedOver;
      const unknown = await check('iotcop_not-a-real-token');
      assert.equal(unknown.status, 401);
      assert.equal((JSON.parse(unknown.body) as { error: { code: string } }).error.code, 'ERR_UNAUTHENTICATED');
      assert.equal(fast.handedOver, handed + 1);
      assert.equal((await postToServer(base, PATH, { authorization: 'Bearer two words', 'content-type': 'application/json' }, body)).status, 401);
      // Revoked through the API: the very next request is refused, though the principal was cached a moment ago.
      const revoked = await r.app.inject({ method: 'DELETE', url: `/api/v1/orgs/brightwatt/tokens/${id}`, headers: auth(s.ownerToken) });
      assert.ok(revoked.statusCode < 300, revoked.body);
      before = fast.answered;
      const refused = await check(token);
      assert.deepEqual(refused, await postToRoute(r.app, PATH, { ...auth(token), 'content-type': 'application/json' }, body));
      assert.equal(refused.status, 401);
      assert.equal(fast.answered, before);
    });

    await t.test('anonymous callers are rate-limited by Fastify; token holders are not', async () => {
      const before = fast.answered;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await check(undefined)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const limited = await check(undefined);
      assert.equal((JSON.parse(limited.body) as { error: { code: string } }).error.code, 'ERR_RATE_LIMITED');
      assert.equal(fast.answered, before, 'anonymous checks never take the fast path');
      for (let i = 0; i < 5; i++) assert.equal((await check(s.ownerToken)).status, 200);
      assert.equal(fast.answered, before + 5);
    });

    await t.test('a label revoked through the API fails the very next check, cached answer or not', async () => {
      assert.equal((await answer(s.ownerToken)).results[0]!.labelStatus, 'valid');
      assert.equal((await answer(s.ownerToken)).results[0]!.labelStatus, 'valid');
      const res = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/labels/${s.labelId}/revoke`, headers: auth(s.ownerToken), payload: { reason: 'debug shell' } });
      assert.equal(res.statusCode, 200);
      const before = fast.answered;
      const after = await answer(s.ownerToken);
      assert.equal(fast.answered, before + 1);
      assert.deepEqual([after.results[0]!.labelStatus, after.results[0]!.ok], ['revoked', false]);
    });

    await t.test('identical checks arriving together after a change share one computation, and its answer', async () => {
      const changed = await r.app.inject({ method: 'PATCH', url: '/api/v1/orgs/brightwatt', headers: auth(r.adminToken), payload: { website: 'https://brightwatt.example/new' } });
      assert.equal(changed.statusCode, 200, changed.body);
      // Past the label-status cache too, so the computation verifies the label's signature (asynchronous crypto):
      // the requests really overlap.
      now = new Date(now.getTime() + 6000);
      const before = { answered: fast.answered, computed: fast.computed };
      // Each request in one write, headers and body together, so that all arrive while the first is computed.
      const whole = `POST ${PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.ownerToken}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
      const seen = await Promise.all(Array.from({ length: 8 }, () => rawExchange(base, whole)));
      const bodies = seen.map((raw) => raw.slice(raw.indexOf('\r\n\r\n')));
      assert.ok(seen.every((raw) => raw.startsWith('HTTP/1.1 200 ')) && bodies.every((b) => b === bodies[0]));
      assert.deepEqual({ answered: fast.answered, computed: fast.computed }, { answered: before.answered + 8, computed: before.computed + 1 });
    });

    await t.test('an answer lives no longer than the results in it: the support period ends on time', async () => {
      const headers = { ...auth(s.ownerToken), 'content-type': 'application/json' };
      const supportRunning = async () => {
        const server = await postToServer(base, PATH, headers, body);
        assert.deepEqual(server, await postToRoute(r.app, PATH, headers, body));
        return (JSON.parse(server.body) as Answer).results[1]!.supportRunning;
      };
      now = new Date('2030-03-31T23:59:59.000Z');
      assert.equal(await supportRunning(), true);
      now = new Date('2030-04-01T00:00:00.500Z'); // within the results' 2 s: the route still answers what it cached
      assert.equal(await supportRunning(), true);
      now = new Date('2030-04-01T00:00:01.100Z');
      assert.equal(await supportRunning(), false);
      now = new Date('2030-03-31T12:00:00.000Z'); // the clock set back: recomputed, not served from the future
      assert.equal(await supportRunning(), true);
    });

    if (dialect === 'sqlite') {
      await t.test('on SQLite, another process\'s revocations show on the very next request', async () => {
        now = new Date('2027-03-02T12:00:00Z');
        const second = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/assessments/${s.assessmentId}/label`, headers: auth(s.ownerToken) });
        const labelId = second.json<{ id: string }>().id;
        const one = JSON.stringify({ identifiers: [labelId] });
        const post = () => postToServer(base, PATH, { ...auth(s.ownerToken), 'content-type': 'application/json' }, one);
        assert.equal((JSON.parse((await post()).body) as Answer).results[0]!.labelStatus, 'valid');
        assert.equal((JSON.parse((await post()).body) as Answer).results[0]!.labelStatus, 'valid');
        const other = openDatabase(r.ctx.handle.location);
        t.after(() => other.close());
        const ctx2 = createContext(other, { dataDir: r.dataDir, publicUrl: r.ctx.publicUrl, version: 'test', clock: () => now });
        const orgId = (await other.db.selectFrom('labels').select('org_id').where('id', '=', labelId).executeTakeFirstOrThrow()).org_id;
        await revokeLabel(ctx2, CLI_ACTOR, orgId, labelId, 'from another process');
        const before = fast.answered;
        assert.equal((JSON.parse((await post()).body) as Answer).results[0]!.labelStatus, 'revoked');
        assert.equal(fast.answered, before + 1);
        for (const tok of (await listTokens(ctx2, orgId)).filter((x) => x.revoked_at === null)) await revokeToken(ctx2, CLI_ACTOR, orgId, tok.id);
        assert.equal((await post()).status, 401);
        assert.equal(fast.answered, before + 1);
      });
    }

    await t.test('once the fast path is stopped (server closing), Fastify answers everything', async () => {
      const before = fast.answered;
      fast.stop();
      const res = await postToServer(base, PATH, { ...auth(r.adminToken), 'content-type': 'application/json' }, body);
      assert.equal(res.status, 200);
      assert.equal(fast.answered, before);
    });
  });
}
