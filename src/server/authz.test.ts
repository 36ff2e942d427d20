import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleAllows, type Permission } from '../registry/auth/roles.js';
import type { OrgRole } from '../registry/db/schema.js';
import { auth, DATABASES, testRegistry } from '../test-support/registry.js';
import { multipart, seedExample } from '../test-support/registry-seed.js';

type Need = 'public' | 'admin' | 'authenticated' | Permission;
type Caller = 'anonymous' | OrgRole | 'outsider' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'viewer', 'security', 'maintainer', 'owner', 'outsider', 'admin'];

interface Ids { org: string; productId: string; assessmentId: string; labelId: string; reportId: string; secret: string }
interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document spells it. */
  readonly path: string;
  readonly need: Need;
  readonly url: (i: Ids, caller: Caller) => string;
  readonly body?: (i: Ids, caller: Caller) => unknown;
  readonly multipart?: boolean;
}

const o = (i: Ids) => `/api/v1/orgs/${i.org}`;
const MISSING = 'tok_00000000000000000000';

/** Every route of the server with what it needs. The test below checks this table against the OpenAPI document. */
const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/healthz', need: 'public', url: () => '/healthz' },
  { method: 'GET', path: '/api/v1/me', need: 'authenticated', url: () => '/api/v1/me' },
  { method: 'POST', path: '/api/v1/session', need: 'public', url: () => '/api/v1/session', body: () => ({ email: 'matrix@example.com', password: 'matrix password 1' }) },
  { method: 'DELETE', path: '/api/v1/session', need: 'authenticated', url: () => '/api/v1/session' },
  { method: 'POST', path: '/api/v1/orgs', need: 'admin', url: () => '/api/v1/orgs', body: (_i, c) => ({ slug: `org-${c}`, kind: 'retailer', name: 'Shop', address: 'High Street 1' }) },
  { method: 'GET', path: '/api/v1/orgs/{org}', need: 'org:read', url: (i) => o(i) },
  { method: 'PATCH', path: '/api/v1/orgs/{org}', need: 'org:manage', url: (i) => o(i), body: () => ({ ackDays: 5 }) },
  { method: 'GET', path: '/api/v1/orgs/{org}/members', need: 'org:manage', url: (i) => `${o(i)}/members` },
  { method: 'PUT', path: '/api/v1/orgs/{org}/members', need: 'org:manage', url: (i) => `${o(i)}/members`, body: () => ({ email: 'ghost@example.com', role: 'viewer' }) },
  { method: 'GET', path: '/api/v1/orgs/{org}/tokens', need: 'org:manage', url: (i) => `${o(i)}/tokens` },
  { method: 'POST', path: '/api/v1/orgs/{org}/tokens', need: 'org:manage', url: (i) => `${o(i)}/tokens`, body: () => ({ name: 'extra', role: 'viewer' }) },
  { method: 'DELETE', path: '/api/v1/orgs/{org}/tokens/{tokenId}', need: 'org:manage', url: (i) => `${o(i)}/tokens/${MISSING}` },
  { method: 'GET', path: '/api/v1/orgs/{org}/audit', need: 'org:manage', url: (i) => `${o(i)}/audit` },
  { method: 'GET', path: '/api/v1/orgs/{org}/webhooks', need: 'org:manage', url: (i) => `${o(i)}/webhooks` },
  { method: 'POST', path: '/api/v1/orgs/{org}/webhooks', need: 'org:manage', url: (i) => `${o(i)}/webhooks`, body: () => ({ url: 'https://hooks.example/x', events: ['report.received'] }) },
  { method: 'DELETE', path: '/api/v1/orgs/{org}/webhooks/{webhookId}', need: 'org:manage', url: (i) => `${o(i)}/webhooks/whk_00000000000000000000` },
  { method: 'GET', path: '/api/v1/orgs/{org}/products', need: 'org:read', url: (i) => `${o(i)}/products` },
  { method: 'POST', path: '/api/v1/orgs/{org}/products', need: 'product:write', url: (i) => `${o(i)}/products`, body: (_i, c) => ({ brand: 'B', model: `M-${c}`, type: 'Camera' }) },
  { method: 'GET', path: '/api/v1/orgs/{org}/products/{productId}', need: 'org:read', url: (i) => `${o(i)}/products/${i.productId}` },
  { method: 'PATCH', path: '/api/v1/orgs/{org}/products/{productId}', need: 'product:write', url: (i) => `${o(i)}/products/${i.productId}`, body: () => ({ type: 'Smart plug with energy monitoring' }) },
  { method: 'POST', path: '/api/v1/orgs/{org}/products/{productId}/firmware', need: 'product:write', url: (i) => `${o(i)}/products/${i.productId}/firmware`, body: (_i, c) => ({ version: `9.9.${CALLERS.indexOf(c)}` }) },
  { method: 'POST', path: '/api/v1/orgs/{org}/products/{productId}/assessments', need: 'assessment:write', url: (i) => `${o(i)}/products/${i.productId}/assessments`, multipart: true },
  { method: 'GET', path: '/api/v1/orgs/{org}/assessments', need: 'org:read', url: (i) => `${o(i)}/assessments` },
  { method: 'GET', path: '/api/v1/orgs/{org}/assessments/{assessmentId}', need: 'org:read', url: (i) => `${o(i)}/assessments/${i.assessmentId}` },
  { method: 'GET', path: '/api/v1/orgs/{org}/assessments/{assessmentId}/report', need: 'org:read', url: (i) => `${o(i)}/assessments/${i.assessmentId}/report` },
  { method: 'GET', path: '/api/v1/orgs/{org}/assessments/{assessmentId}/artifacts/{name}', need: 'org:read', url: (i) => `${o(i)}/assessments/${i.assessmentId}/artifacts/report.json` },
  { method: 'POST', path: '/api/v1/orgs/{org}/assessments/{assessmentId}/label', need: 'label:write', url: (i) => `${o(i)}/assessments/${i.assessmentId}/label` },
  { method: 'GET', path: '/api/v1/orgs/{org}/labels', need: 'org:read', url: (i) => `${o(i)}/labels` },
  { method: 'GET', path: '/api/v1/orgs/{org}/labels/{labelId}', need: 'org:read', url: (i) => `${o(i)}/labels/${i.labelId}` },
  { method: 'POST', path: '/api/v1/orgs/{org}/labels/{labelId}/revoke', need: 'label:write', url: (i) => `${o(i)}/labels/${i.labelId}/revoke`, body: () => ({ reason: 'matrix test' }) },
  { method: 'GET', path: '/api/v1/revocations', need: 'public', url: () => '/api/v1/revocations' },
  { method: 'GET', path: '/.well-known/iotcop-label-keys.json', need: 'public', url: () => '/.well-known/iotcop-label-keys.json' },
  { method: 'POST', path: '/api/v1/orgs/{org}/vdp/reports', need: 'public', url: (i) => `${o(i)}/vdp/reports`, body: () => ({ title: 'A problem', description: 'Something is wrong here.' }) },
  { method: 'GET', path: '/api/v1/orgs/{org}/vdp/reports', need: 'vdp:read', url: (i) => `${o(i)}/vdp/reports` },
  { method: 'GET', path: '/api/v1/orgs/{org}/vdp/reports/{reportId}', need: 'vdp:read', url: (i) => `${o(i)}/vdp/reports/${i.reportId}` },
  { method: 'POST', path: '/api/v1/orgs/{org}/vdp/reports/{reportId}/updates', need: 'vdp:write', url: (i) => `${o(i)}/vdp/reports/${i.reportId}/updates`, body: () => ({ message: 'We are on it.' }) },
  { method: 'PATCH', path: '/api/v1/orgs/{org}/vdp/reports/{reportId}/advisory', need: 'vdp:write', url: (i) => `${o(i)}/vdp/reports/${i.reportId}/advisory`, body: () => ({ severity: 'low' }) },
  { method: 'GET', path: '/api/v1/orgs/{org}/vdp/reports/{reportId}/csaf', need: 'vdp:read', url: (i) => `${o(i)}/vdp/reports/${i.reportId}/csaf` },
  { method: 'GET', path: '/api/v1/vdp/status/{secret}', need: 'public', url: (i) => `/api/v1/vdp/status/${i.secret}` },
  { method: 'POST', path: '/api/v1/vdp/status/{secret}/messages', need: 'public', url: (i) => `/api/v1/vdp/status/${i.secret}/messages`, body: () => ({ message: 'more detail' }) },
  { method: 'POST', path: '/api/v1/retail/check', need: 'public', url: () => '/api/v1/retail/check', body: () => ({ identifiers: ['SP-200'] }) },
  { method: 'GET', path: '/p/{labelId}', need: 'public', url: (i) => `/p/${i.labelId}` },
  { method: 'GET', path: '/p/{labelId}/statement', need: 'public', url: (i) => `/p/${i.labelId}/statement` },
  { method: 'GET', path: '/.well-known/security.txt', need: 'public', url: () => '/.well-known/security.txt' },
  { method: 'GET', path: '/m/{org}/security.txt', need: 'public', url: (i) => `/m/${i.org}/security.txt` },
  { method: 'GET', path: '/m/{org}/report', need: 'public', url: (i) => `/m/${i.org}/report` },
];

function expected(need: Need, caller: Caller): 'allowed' | 401 | 403 {
  if (need === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (caller === 'admin') return 'allowed';
  if (need === 'authenticated') return 'allowed';
  if (need === 'admin' || caller === 'outsider') return 403;
  return roleAllows(caller, need) ? 'allowed' : 403;
}

for (const { dialect, skip } of DATABASES) {
  test(`authorisation matrix on ${dialect}: every role x every route`, { skip }, async (t) => {
    const r = await testRegistry(dialect, { workers: 0, server: { rateLimits: { reportsPerMinute: 10_000 } } });
    t.after(() => r.close());
    const s = await (async () => {
      await r.queue.start(1);
      return seedExample(r.app, r.adminToken);
    })();
    const report = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/vdp/reports', payload: { title: 'Seed report', description: 'For the matrix test.' } });
    const ids: Ids = { org: s.org, productId: s.productId, assessmentId: s.assessmentId, labelId: s.labelId, reportId: report.json<{ id: string }>().id, secret: report.json<{ statusUrl: string }>().statusUrl.split('/r/')[1]! };
    const { createUser } = await import('../registry/users.js');
    const { CLI_ACTOR } = await import('../registry/audit.js');
    await createUser(r.ctx, CLI_ACTOR, { email: 'matrix@example.com', name: 'Matrix', password: 'matrix password 1' });
    const tokens = new Map<Caller, string>([['admin', r.adminToken], ['owner', s.ownerToken]]);
    for (const role of ['viewer', 'security', 'maintainer'] as const) {
      tokens.set(role, (await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/tokens', headers: auth(s.ownerToken), payload: { name: role, role } })).json<{ token: string }>().token);
    }
    await r.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: auth(r.adminToken), payload: { slug: 'rival', kind: 'manufacturer', name: 'Rival', address: 'Elsewhere' } });
    tokens.set('outsider', (await r.app.inject({ method: 'POST', url: '/api/v1/orgs/rival/tokens', headers: auth(r.adminToken), payload: { name: 'o', role: 'owner' } })).json<{ token: string }>().token);

    await t.test('the table covers every route in the OpenAPI document', async () => {
      const doc = (await r.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
      const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`)).sort();
      const covered = ROUTES.map((x) => `${x.method} ${x.path}`).sort();
      assert.deepEqual(covered, documented);
    });

    const failures: string[] = [];
    for (const route of ROUTES) {
      for (const caller of CALLERS) {
        const token = tokens.get(caller);
        const headers: Record<string, string> = token ? auth(token) : {};
        let payload: unknown = route.body?.(ids, caller);
        if (route.multipart) {
          const m = multipart([{ field: 'manifest', filename: 'iotcop.yaml', content: 'schemaVersion: 1\n' }]);
          Object.assign(headers, m.headers);
          payload = m.payload;
        }
        const res = await r.app.inject({ method: route.method, url: route.url(ids, caller), headers, ...(payload === undefined ? {} : { payload: payload as string }) });
        const want = expected(route.need, caller);
        const ok = want === 'allowed' ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === want;
        if (!ok) failures.push(`${caller} ${route.method} ${route.path}: got ${res.statusCode}, want ${want} (${res.body.slice(0, 120)})`);
      }
    }
    await t.test(`${ROUTES.length} routes x ${CALLERS.length} callers give 401/403 exactly where they should`, () => {
      assert.deepEqual(failures, []);
    });

    await t.test('a browser session needs the CSRF token for writes; the cookie is HttpOnly', async () => {
      const { setMembership } = await import('../registry/users.js');
      await createUser(r.ctx, CLI_ACTOR, { email: 'ana@brightwatt.example', name: 'Ana', password: 'correct horse battery' });
      const org = (await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt', headers: auth(r.adminToken) })).json<{ id: string }>();
      await setMembership(r.ctx, CLI_ACTOR, org.id, 'ana@brightwatt.example', 'maintainer');
      const wrong = await r.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ana@brightwatt.example', password: 'not the password' } });
      assert.equal(wrong.statusCode, 401);
      const login = await r.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ANA@brightwatt.example', password: 'correct horse battery' } });
      assert.equal(login.statusCode, 200);
      const session = login.cookies.find((c) => c.name === 'iotcop_session')!;
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      const cookies = { iotcop_session: session.value };
      const me = await r.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
      assert.equal(me.json<{ roles: Record<string, string> }>().roles[org.id], 'maintainer');
      const body = { brand: 'B', model: 'CSRF-1', type: 'Lamp' };
      const forged = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/products', cookies, payload: body });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json<{ error: { code: string } }>().error.code, 'ERR_CSRF');
      const real = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/products', cookies, headers: { 'x-csrf-token': csrf }, payload: body });
      assert.equal(real.statusCode, 201);
      const out = await r.app.inject({ method: 'DELETE', url: '/api/v1/session', cookies, headers: { 'x-csrf-token': csrf } });
      assert.equal(out.statusCode, 204);
      assert.equal((await r.app.inject({ method: 'GET', url: '/api/v1/me', cookies })).statusCode, 401);
    });

    await t.test('a revoked token stops working', async () => {
      const created = (await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/tokens', headers: auth(s.ownerToken), payload: { name: 'short-lived', role: 'viewer' } })).json<{ id: string; token: string }>();
      assert.equal((await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt', headers: auth(created.token) })).statusCode, 200);
      assert.equal((await r.app.inject({ method: 'DELETE', url: `/api/v1/orgs/brightwatt/tokens/${created.id}`, headers: auth(s.ownerToken) })).statusCode, 204);
      assert.equal((await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt', headers: auth(created.token) })).statusCode, 401);
    });
  });
}
