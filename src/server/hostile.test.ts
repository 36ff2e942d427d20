import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { auth, DATABASES, testRegistry, waitForAssessment } from '../test-support/registry.js';
import { exampleUpload, multipart, seedExample } from '../test-support/registry-seed.js';

const code = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;

for (const { dialect, skip } of DATABASES) {
  test(`hostile input on ${dialect}`, { skip }, async (t) => {
    const r = await testRegistry(dialect, { limits: { bodyBytes: 32 * 1024, uploadFileBytes: 64 * 1024, uploadTotalBytes: 256 * 1024, uploadFiles: 12, retailRows: 50 }, server: { rateLimits: { reportsPerMinute: 1000, retailPerMinute: 1000 } } });
    t.after(() => r.close());
    const s = await seedExample(r.app, r.adminToken);
    const reports = '/api/v1/orgs/brightwatt/vdp/reports';
    const post = (url: string, payload: string | object, headers: Record<string, string> = {}) => r.app.inject({ method: 'POST', url, headers, payload });

    await t.test('malformed JSON, prototype pollution, wrong types, extra fields: 400 with a JSON error', async () => {
      for (const body of ['{"title": "x"', '{"__proto__": {"admin": true}, "title": "abc", "description": "0123456789"}', '[]', '"text"']) {
        const res = await post(reports, body, { 'content-type': 'application/json' });
        assert.equal(res.statusCode, 400, body);
        assert.equal(code(res), 'ERR_VALIDATION');
      }
      for (const body of [{ title: 123, description: 'long enough text' }, { title: 'ok', description: 'long enough text', admin: true }, { title: 'ok' }, { title: 'a\u0000b', description: 'long enough text' }, { title: 'x'.repeat(201), description: 'long enough text' }]) {
        const res = await post(reports, body);
        assert.equal(res.statusCode, 400, JSON.stringify(body).slice(0, 80));
        assert.equal(code(res), 'ERR_VALIDATION');
      }
    });

    await t.test('bodies over the cap are refused with 413, other media types with 415', async () => {
      const big = await post(reports, { title: 'big', description: 'x'.repeat(40 * 1024) });
      assert.equal(big.statusCode, 413);
      assert.equal(code(big), 'ERR_PAYLOAD_TOO_LARGE');
      const xml = await post(reports, '<report/>', { 'content-type': 'application/xml' });
      assert.equal(xml.statusCode, 415);
      assert.equal(code(xml), 'ERR_UNSUPPORTED_MEDIA');
    });

    await t.test('hostile path parameters and tokens are rejected before any lookup', async () => {
      assert.equal((await r.app.inject({ method: 'GET', url: '/api/v1/orgs/..%2F..%2Fetc/products', headers: auth(s.ownerToken) })).statusCode, 400);
      assert.equal((await r.app.inject({ method: 'GET', url: `/api/v1/orgs/brightwatt/products/${encodeURIComponent("' OR 1=1 --")}`, headers: auth(s.ownerToken) })).statusCode, 400);
      for (const header of ['Bearer', 'Bearer iotcop_forged', `Bearer ${'A'.repeat(5000)}`, 'Basic dXNlcjpwYXNz']) {
        const res = await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt', headers: { authorization: header } });
        assert.equal(res.statusCode, 401, header.slice(0, 20));
      }
    });

    await t.test('text that looks like SQL is stored as text; markup is escaped on pages', async () => {
      const evil = "Robert'); DROP TABLE products;--";
      const res = await post('/api/v1/orgs/brightwatt/products', { brand: '<script>alert(1)</script>', model: evil, type: '<img src=x onerror=alert(1)>' }, auth(s.ownerToken));
      assert.equal(res.statusCode, 201);
      const list = (await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt/products', headers: auth(s.ownerToken) })).json<{ products: { model: string }[] }>();
      assert.ok(list.products.some((p) => p.model === evil));
      const receipt = await post(reports, 'title=%3Cscript%3Ealert(1)%3C%2Fscript%3E&description=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+here', { 'content-type': 'application/x-www-form-urlencoded' });
      const secret = /\/r\/([A-Za-z0-9_-]{43})/.exec(receipt.body)![1]!;
      const page = await r.app.inject({ method: 'GET', url: `/r/${secret}` });
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.match(page.body, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    });

    const upload = (parts: Parameters<typeof multipart>[0]) => {
      const body = multipart(parts);
      return r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/products/${s.productId}/assessments`, headers: { ...auth(s.ownerToken), ...body.headers }, payload: body.payload });
    };
    const assessmentDirs = () => readdirSync(join(r.dataDir, 'assessments')).sort();

    await t.test('upload file names cannot leave the upload folder', async () => {
      const before = assessmentDirs();
      for (const name of ['../escape.md', '/etc/passwd', 'evidence/../../x', 'a\\b.md', '.hidden', 'evidence//x.md', `${'d/'.repeat(9)}x`]) {
        const res = await upload([{ field: 'manifest', filename: 'iotcop.yaml', content: 'schemaVersion: 1\n' }, { field: 'files', filename: name, content: 'x' }]);
        assert.equal(res.statusCode, 400, name);
      }
      assert.ok(!existsSync(join(r.dataDir, 'escape.md')));
      assert.ok(!existsSync(join(r.dataDir, 'assessments', 'escape.md')));
      assert.deepEqual(assessmentDirs(), before, 'refused uploads leave nothing behind');
    });

    await t.test('uploads are capped per file, in total and in count; a manifest is required; only multipart', async () => {
      let res = await upload([{ field: 'manifest', filename: 'iotcop.yaml', content: 'schemaVersion: 1\n' }, { field: 'files', filename: 'fw.bin', content: Buffer.alloc(65 * 1024) }]);
      assert.equal(res.statusCode, 413);
      assert.equal(code(res), 'ERR_PAYLOAD_TOO_LARGE');
      res = await upload([{ field: 'manifest', filename: 'iotcop.yaml', content: 'schemaVersion: 1\n' }, ...Array.from({ length: 5 }, (_, i) => ({ field: 'files', filename: `fw${i}.bin`, content: Buffer.alloc(60 * 1024) }))]);
      assert.equal(res.statusCode, 413);
      res = await upload([{ field: 'manifest', filename: 'iotcop.yaml', content: 'schemaVersion: 1\n' }, ...Array.from({ length: 12 }, (_, i) => ({ field: 'files', filename: `e${i}.md`, content: 'x' }))]);
      assert.equal(res.statusCode, 413);
      res = await upload([{ field: 'files', filename: 'fw.bin', content: 'x' }]);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /the upload has no/);
      res = await upload([{ field: 'manifest', filename: 'iotcop.yaml', content: 'a' }, { field: 'manifest', filename: 'iotcop.yaml', content: 'b' }]);
      assert.equal(res.statusCode, 400);
      res = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/products/${s.productId}/assessments`, headers: auth(s.ownerToken), payload: { manifest: 'schemaVersion: 1' } });
      assert.equal(res.statusCode, 415);
    });

    await t.test('a manifest that points outside its folder fails its job instead of reading the file', async () => {
      const parts = exampleUpload();
      const manifest = parts[0]!.content.toString().replace('path: evidence/password-provisioning.md', 'path: ../../../../../etc/passwd');
      const res = await upload([{ field: 'manifest', filename: 'iotcop.yaml', content: manifest }, ...parts.slice(1)]);
      assert.equal(res.statusCode, 202);
      const done = await waitForAssessment(r.app, s.ownerToken, 'brightwatt', res.json<{ id: string }>().id);
      assert.equal(done.status, 'failed');
      assert.match(String(done.error), /must stay inside the manifest's folder/);
    });

    await t.test('a manifest that is not YAML fails its job with the parser\'s reason', async () => {
      const res = await upload([{ field: 'manifest', filename: 'iotcop.yaml', content: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b, 0x7b]) }]);
      assert.equal(res.statusCode, 202);
      const done = await waitForAssessment(r.app, s.ownerToken, 'brightwatt', res.json<{ id: string }>().id);
      assert.equal(done.status, 'failed');
    });

    await t.test('retail checks are capped in rows and field length', async () => {
      let res = await post('/api/v1/retail/check', { identifiers: Array.from({ length: 51 }, (_, i) => `M-${i}`) });
      assert.equal(res.statusCode, 400);
      res = await post('/api/v1/retail/check', `identifier\n${Array.from({ length: 60 }, (_, i) => `M-${i}`).join('\n')}\n`, { 'content-type': 'text/csv' });
      assert.equal(res.statusCode, 413);
      res = await post('/api/v1/retail/check', `identifier\n${'x'.repeat(2000)}\n`, { 'content-type': 'text/csv' });
      assert.equal(res.statusCode, 400);
      res = await post('/api/v1/retail/check', 'identifier\n"unterminated\n', { 'content-type': 'text/csv' });
      assert.equal(res.statusCode, 400);
    });
  });
}
