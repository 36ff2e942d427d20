import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { main } from '../cli/main.js';
import { captureIo } from '../test-support/io.js';
import { auth, DATABASES, testRegistry } from '../test-support/registry.js';
import { seedExample } from '../test-support/registry-seed.js';

interface Result { identifier: string; matchedBy: string | null; statement: boolean; supportRunning: boolean; disclosureContact: boolean; labelStatus: string; ok: boolean; problems: string[] }

for (const { dialect, skip } of DATABASES) {
  test(`retailer checks on ${dialect}`, { skip }, async (t) => {
    let now = new Date('2027-03-01T12:00:00Z');
    const r = await testRegistry(dialect, { clock: () => now });
    t.after(() => r.close());
    const s = await seedExample(r.app, r.adminToken, 'brightwatt', { statement: true });
    await r.app.inject({ method: 'PATCH', url: `/api/v1/orgs/brightwatt/products/${s.productId}`, headers: auth(s.ownerToken), payload: { gtin: '05060123456783' } });
    // A second product: registered, never assessed, no label.
    await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/products', headers: auth(s.ownerToken), payload: { brand: 'Brightwatt', model: 'CAM-1', type: 'Camera', gtin: '4006381333931', supportEnd: '2026-12-31' } });
    const check = async (identifiers: string[]) => (await r.app.inject({ method: 'POST', url: '/api/v1/retail/check', payload: { identifiers } })).json<{ checked: number; ok: number; results: Result[] }>();

    await t.test('by model, GTIN and label id: statement, support, disclosure contact and label all pass', async () => {
      const out = await check(['SP-200', 'sp-200', '05060123456783', '5060123456783', s.labelId]);
      assert.equal(out.checked, 5);
      assert.equal(out.ok, 5);
      assert.deepEqual(out.results.map((x) => x.matchedBy), ['model', 'model', 'gtin', 'gtin', 'label']);
      for (const x of out.results) assert.deepEqual([x.statement, x.supportRunning, x.disclosureContact, x.labelStatus, x.problems], [true, true, true, 'valid', []]);
    });

    await t.test('what fails is named: no statement, support ended, no label; unknown products are not found', async () => {
      const out = await check(['CAM-1', 'NO-SUCH-THING']);
      assert.equal(out.ok, 0);
      assert.deepEqual(out.results[0]!.problems, ['no statement of compliance', 'security updates ended on 2026-12-31', 'no label']);
      assert.deepEqual(out.results[1]!.problems, ['not on the registry']);
      assert.equal(out.results[1]!.matchedBy, null);
    });

    await t.test('a revoked label fails the check', async () => {
      const extra = await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/assessments/${s.assessmentId}/label`, headers: auth(s.ownerToken) });
      // Same assessment, same second: the label id would repeat, so move the clock on a second first.
      assert.ok(extra.statusCode === 201 || extra.statusCode === 409);
      now = new Date(now.getTime() + 1000);
      const second = (await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/assessments/${s.assessmentId}/label`, headers: auth(s.ownerToken) })).json<{ id: string }>();
      await r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/labels/${second.id}/revoke`, headers: auth(s.ownerToken), payload: { reason: 'test' } });
      const out = await check([second.id]);
      assert.equal(out.results[0]!.labelStatus, 'revoked');
      assert.deepEqual(out.results[0]!.problems, ['label revoked']);
    });

    await t.test('CSV in, CSV out, with spreadsheet formulas defused', async () => {
      const csv = 'sku,gtin\r\nA1,05060123456783\r\nA2,"=HYPERLINK(""http://x"")"\r\n';
      const res = await r.app.inject({ method: 'POST', url: '/api/v1/retail/check?format=csv', headers: { 'content-type': 'text/csv' }, payload: csv });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/csv/);
      const lines = res.body.trim().split('\r\n');
      assert.equal(lines[0], 'identifier,found,matched_by,product,manufacturer,statement,support_until,support_running,disclosure_contact,label_id,label_status,ok,problems');
      assert.match(lines[1]!, /^05060123456783,true,gtin,Brightwatt SP-200,Brightwatt Devices Ltd,true,2030-03-31,true,true,[A-Z0-9]{10},valid,true,$/);
      assert.match(lines[2]!, /^"'=HYPERLINK\(""http:\/\/x""\)",false,/);
    });

    await t.test('iotcop retail check posts a CSV file to a running registry', async () => {
      await r.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = r.app.server.address() as AddressInfo;
      const dir = mkdtempSync(join(tmpdir(), 'iotcop-retail-'));
      const file = join(dir, 'products.csv');
      writeFileSync(file, 'model\nSP-200\nCAM-1\n');
      const io = captureIo();
      const code = await main(['node', 'iotcop', 'retail', 'check', file, '--registry', `http://127.0.0.1:${port}`, '--format', 'json', '--fail-on-problems'], io);
      assert.equal(code, 1, io.stderr());
      const body = JSON.parse(io.stdout()) as { checked: number; ok: number };
      assert.deepEqual([body.checked, body.ok], [2, 1]);
      assert.match(io.stderr(), /1 product\(s\) with problems/);
      const csvIo = captureIo();
      assert.equal(await main(['node', 'iotcop', 'retail', 'check', file, '--registry', `http://127.0.0.1:${port}`], csvIo), 0);
      assert.equal(csvIo.stdout().trim().split('\r\n').length, 3);
    });
  });
}
