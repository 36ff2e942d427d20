import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyLabel, verifyRevocationList, parsePublicKeys } from '../label/index.js';
import { RENDERERS } from '../report/index.js';
import { auth, DATABASES, testRegistry } from '../test-support/registry.js';
import { exampleUpload, multipart, seedExample } from '../test-support/registry-seed.js';

for (const { dialect, skip } of DATABASES) {
  test(`registry routes on ${dialect}`, { skip }, async (t) => {
    let now = new Date('2027-01-15T10:00:00Z');
    const r = await testRegistry(dialect, { clock: () => now });
    t.after(() => r.close());
    const s = await seedExample(r.app, r.adminToken, 'brightwatt', { statement: true });
    const get = (url: string, headers: Record<string, string> = {}) => r.app.inject({ method: 'GET', url, headers });

    await t.test('healthz answers with the database kind', async () => {
      const res = await get('/healthz');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', database: dialect });
    });

    await t.test('the assessment ran the engine on the upload and kept its reports', async () => {
      const res = await get(`/api/v1/orgs/brightwatt/assessments/${s.assessmentId}`, auth(s.ownerToken));
      const a = res.json<{ status: string; summary: { etsi: string }; artifacts: string[] }>();
      assert.equal(a.status, 'done');
      assert.deepEqual(a.artifacts, [...RENDERERS.map((x) => x.fileName), 'statement.html'].sort());
      const report = (await get(`/api/v1/orgs/brightwatt/assessments/${s.assessmentId}/report`, auth(s.ownerToken))).json<{ product: { model: string }; etsi: { verdict: string }; inputs: { path: string }[] }>();
      assert.equal(report.product.model, 'SP-200');
      assert.equal(report.etsi.verdict, a.summary.etsi);
      // Server paths never leak into reports.
      assert.ok(report.inputs.every((i) => !i.path.includes(r.dataDir)), JSON.stringify(report.inputs));
      const file = await get(`/api/v1/orgs/brightwatt/assessments/${s.assessmentId}/artifacts/report.json`, auth(s.ownerToken));
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/json');
      // The manifest's declarations became the product's record.
      const product = (await get(`/api/v1/orgs/brightwatt/products/${s.productId}`, auth(s.ownerToken))).json<{ supportEnd: string; gtin: string; updatesAutomatic: boolean; firmware: { version: string }[] }>();
      assert.equal(product.supportEnd, '2030-03-31');
      // The example manifest's GTIN has a valid check digit, so it is taken over (units.test covers bad ones).
      assert.equal(product.gtin, '05060123456783');
      assert.equal(product.updatesAutomatic, true);
      assert.deepEqual(product.firmware.map((f) => f.version), ['2.4.1']);
    });

    await t.test('the label is signed with the registry key published at /.well-known', async () => {
      const label = (await get(`/api/v1/orgs/brightwatt/labels/${s.labelId}`, auth(s.ownerToken))).json<{ jws: string; url: string }>();
      assert.equal(label.url, `https://registry.test/p/${s.labelId}`);
      const jwks = await get('/.well-known/iotcop-label-keys.json');
      const keys = await parsePublicKeys(jwks.body, 'jwks');
      const v = await verifyLabel(label.jws, keys, { now });
      assert.equal(v.status, 'valid');
      assert.equal(v.payload?.prd, 'Brightwatt SP-200');
      assert.equal(v.payload?.spe, '2030-03-31');
      assert.equal(v.payload?.au, true);
    });

    await t.test('/p/<id> shows the product, verdicts, support period, reporting, deletion and statement', async () => {
      const res = await get(`/p/${s.labelId}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.match(res.headers['content-security-policy'] as string, /default-src 'none'/);
      const page = res.body;
      assert.match(page, /<h1>Brightwatt SP-200<\/h1>/);
      assert.match(page, /Label status: <strong>valid<\/strong>/);
      assert.match(page, /Security updates until 31 March 2030/);
      assert.match(page, /Automatic updates: Yes/);
      assert.match(page, /href="https:\/\/registry.test\/m\/brightwatt\/report"/);
      assert.match(page, /Hold the button for 10 seconds/);
      assert.match(page, /Unit 4, Foundry Yard/);
      assert.match(page, /<dt>GTIN<\/dt><dd>05060123456783<\/dd>/);
      assert.match(page, /Download the statement of compliance/);
      assert.doesNotMatch(page, /<script/i);
      const statement = await get(`/p/${s.labelId}/statement`);
      assert.equal(statement.statusCode, 200);
      assert.match(statement.body, /Statement of compliance: Brightwatt SP-200/);
    });

    await t.test('Accept: application/json gives the same facts with the signed payload', async () => {
      const res = await get(`/p/${s.labelId}`, { accept: 'application/json' });
      assert.equal(res.statusCode, 200);
      const body = res.json<{ label: { status: string }; product: { model: string }; signed: { jws: string; payload: { lid: string } }; support: { end: string; ended: boolean }; ids?: unknown }>();
      assert.equal(body.label.status, 'valid');
      assert.equal(body.product.model, 'SP-200');
      assert.equal(body.signed.payload.lid, s.labelId);
      assert.deepEqual(body.support, { end: '2030-03-31', ended: false });
      assert.equal(body.ids, undefined);
      assert.equal((await get(`/p/${s.labelId}?format=json`)).json<{ label: { id: string } }>().label.id, s.labelId);
    });

    await t.test('a scanned label that is not the registry\'s record is flagged', async () => {
      const label = (await get(`/api/v1/orgs/brightwatt/labels/${s.labelId}`, auth(s.ownerToken))).json<{ jws: string }>();
      const [h, p, sig] = label.jws.split('.');
      const forged = `${h}.${Buffer.from(Buffer.from(p!, 'base64url').toString().replace('"au":true', '"au":false')).toString('base64url')}.${sig}`;
      assert.match((await get(`/p/${s.labelId}?s=${forged}`)).body, /could not be verified/);
      assert.doesNotMatch((await get(`/p/${s.labelId}?s=${label.jws}`)).body, /role="alert"/);
    });

    await t.test('unknown labels are a JSON 404, malformed ids a 400', async () => {
      const res = await get('/p/NOSUCHLABEL');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json<{ error: { code: string } }>().error.code, 'ERR_NOT_FOUND');
      assert.equal((await get('/p/%3Cscript%3E')).statusCode, 400);
    });

    await t.test('security.txt for the organisation and the registry (RFC 9116 fields)', async () => {
      const org = await get('/m/brightwatt/security.txt');
      assert.equal(org.statusCode, 200);
      assert.match(org.body, /^Contact: https:\/\/registry.test\/m\/brightwatt\/report$/m);
      assert.match(org.body, /^Contact: mailto:security@brightwatt.example$/m);
      assert.match(org.body, /^Expires: 2027-07-14T00:00:00Z$/m);
      assert.match(org.body, /^Canonical: https:\/\/registry.test\/m\/brightwatt\/security.txt$/m);
      const own = await get('/.well-known/security.txt');
      assert.match(own.body, /^Contact: mailto:security@registry.test$/m);
      assert.equal((await get('/m/nobody/security.txt')).statusCode, 404);
    });

    await t.test('the disclosure form is plain HTML posting to the inbox', async () => {
      const res = await get('/m/brightwatt/report');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<form method="post" action="\/api\/v1\/orgs\/brightwatt\/vdp\/reports">/);
      assert.match(res.body, /<label for="description">/);
    });

    await t.test('OpenAPI document lists the routes with their schemas; docs are served', async () => {
      const res = await get('/openapi.json');
      const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
      assert.equal(doc.openapi, '3.0.3');
      for (const path of ['/api/v1/orgs/{org}/vdp/reports', '/api/v1/retail/check', '/p/{labelId}', '/api/v1/orgs/{org}/products/{productId}/assessments']) assert.ok(doc.paths[path], path);
      assert.ok(doc.paths['/api/v1/orgs/{org}/vdp/reports']?.post?.requestBody);
      assert.equal(doc.paths['/r/{secret}'], undefined);
      const docs = await get('/docs/');
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    await t.test('an upload for another model fails its job with the reason', async () => {
      const created = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/products', headers: auth(s.ownerToken), payload: { brand: 'Brightwatt', model: 'SP-300', type: 'Smart plug' } });
      const body = multipart(exampleUpload());
      const up = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/products/${created.json<{ id: string }>().id}/assessments`, headers: { ...auth(s.ownerToken), ...body.headers }, payload: body.payload });
      assert.equal(up.statusCode, 202);
      const { waitForAssessment } = await import('../test-support/registry.js');
      const done = await waitForAssessment(r.app, s.ownerToken, 'brightwatt', up.json<{ id: string }>().id);
      assert.equal(done.status, 'failed');
      assert.match(String(done.error), /describes model SP-200, but this product is model SP-300/);
      const label = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/assessments/${up.json<{ id: string }>().id}/label`, headers: auth(s.ownerToken) });
      assert.equal(label.statusCode, 409);
    });

    await t.test('after the support period the page warns and the label reads expired', async () => {
      now = new Date('2030-06-01T10:00:00Z');
      try {
        const page = (await get(`/p/${s.labelId}`)).body;
        assert.match(page, /Label status: <strong>expired<\/strong>/);
        assert.match(page, /Security updates ended on 31 March 2030/);
      } finally {
        now = new Date('2027-01-15T10:00:00Z');
      }
    });

    await t.test('revoking puts the label on the signed public list and the page changes at once', async () => {
      const before = (await get(`/p/${s.labelId}`)).body;
      assert.match(before, /Label status: <strong>valid<\/strong>/);
      const res = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/labels/${s.labelId}/revoke`, headers: auth(s.ownerToken), payload: { reason: 'firmware 2.4.1 ships a debug shell' } });
      assert.equal(res.statusCode, 200);
      const page = (await get(`/p/${s.labelId}`)).body;
      assert.match(page, /Label status: <strong>revoked<\/strong>/);
      assert.match(page, /firmware 2.4.1 ships a debug shell/);
      const list = (await get('/api/v1/revocations')).json<{ labels: { lid: string }[]; jws: string }>();
      assert.deepEqual(list.labels.map((l) => l.lid), [s.labelId]);
      const keys = await parsePublicKeys((await get('/.well-known/iotcop-label-keys.json')).body, 'jwks');
      assert.deepEqual((await verifyRevocationList(list.jws, keys)).labels.map((l) => l.lid), [s.labelId]);
      const again = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/labels/${s.labelId}/revoke`, headers: auth(s.ownerToken), payload: { reason: 'twice' } });
      assert.equal(again.statusCode, 409);
    });

    await t.test('every write is in the audit log, without secrets', async () => {
      const res = await get('/api/v1/orgs/brightwatt/audit', auth(s.ownerToken));
      const entries = res.json<{ entries: { action: string; detail: unknown }[] }>().entries;
      const actions = new Set(entries.map((e) => e.action));
      for (const a of ['org.create', 'token.create', 'product.create', 'assessment.create', 'assessment.done', 'label.issue', 'label.revoke']) assert.ok(actions.has(a), a);
      assert.doesNotMatch(res.body, /iotcop_[A-Za-z0-9_-]{20}/);
    });
  });
}
