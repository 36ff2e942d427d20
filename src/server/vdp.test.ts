import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from '../registry/webhooks.js';
import { auth, DATABASES, testRegistry } from '../test-support/registry.js';
import { seedExample } from '../test-support/registry-seed.js';

interface Delivery { headers: IncomingHttpHeaders; body: string }

/** A webhook receiver on loopback that records what it is sent. */
async function receiver(): Promise<{ url: string; deliveries: Delivery[]; close: () => Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => { deliveries.push({ headers: req.headers, body }); res.writeHead(204).end(); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, deliveries, close: () => new Promise((r) => server.close(() => r())) };
}

for (const { dialect, skip } of DATABASES) {
  test(`disclosure inbox on ${dialect}`, { skip }, async (t) => {
    // The validator compiles its schemas for many seconds: start it while the registry is seeded.
    (await import('../registry/vdp/csaf-validate.js')).warmCsafValidator();
    let now = new Date('2027-02-01T09:00:00Z');
    const r = await testRegistry(dialect, { clock: () => now, server: { webhooks: { allowHttp: true }, rateLimits: { reportsPerMinute: 5 } } });
    t.after(() => r.close());
    const s = await seedExample(r.app, r.adminToken);
    const hook = await receiver();
    t.after(() => hook.close());
    const created = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/webhooks', headers: auth(s.ownerToken), payload: { url: hook.url, events: ['*'] } });
    assert.equal(created.statusCode, 201);
    const secret = created.json<{ secret: string }>().secret;

    let reportId = '';
    let statusUrl = '';
    await t.test('anyone can report without an account or personal data; 201 with a secret status URL', async () => {
      const res = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/vdp/reports', payload: { title: 'Telnet with a fixed root password', description: 'Port 23 is open and root:admin works on firmware 2.4.1.', product: 'SP-200' } });
      assert.equal(res.statusCode, 201);
      const body = res.json<{ id: string; statusUrl: string; acknowledgeBy: string }>();
      assert.match(body.statusUrl, /^https:\/\/registry.test\/r\/[A-Za-z0-9_-]{43}$/);
      assert.equal(body.acknowledgeBy, '2027-02-06T09:00:00.000Z');
      reportId = body.id;
      statusUrl = body.statusUrl;
    });

    await t.test('the HTML form posts the same and gets a receipt page', async () => {
      const res = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/vdp/reports', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=XSS+in+the+app&description=%3Cscript%3Ealert(1)%3C%2Fscript%3E+in+the+device+name&product=&contact=' });
      assert.equal(res.statusCode, 201);
      assert.match(res.headers['content-type'] as string, /^text\/html/);
      assert.match(res.body, /your report was received/);
      assert.match(res.body, /https:\/\/registry.test\/r\//);
    });

    await t.test('the inbox needs a token: 401 without one', async () => {
      const res = await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt/vdp/reports' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json<{ error: { code: string } }>().error.code, 'ERR_UNAUTHENTICATED');
    });

    await t.test('the inbox lists reports with deadlines; the linked product is recognised', async () => {
      const res = await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt/vdp/reports', headers: auth(s.ownerToken) });
      const reports = res.json<{ reports: { id: string; status: string; productId: string | null; deadlines: { acknowledgementOverdue: boolean } }[] }>().reports;
      assert.equal(reports.length, 2);
      const first = reports.find((x) => x.id === reportId)!;
      assert.equal(first.status, 'received');
      assert.equal(first.productId, s.productId);
      assert.equal(first.deadlines.acknowledgementOverdue, false);
    });

    await t.test('past the promised acknowledgement date a report is flagged overdue', async () => {
      now = new Date('2027-02-07T09:00:00Z');
      const res = await r.app.inject({ method: 'GET', url: '/api/v1/orgs/brightwatt/vdp/reports?overdue=true', headers: auth(s.ownerToken) });
      assert.equal(res.json<{ reports: unknown[] }>().reports.length, 2);
      const page = await r.app.inject({ method: 'GET', url: new URL(statusUrl).pathname });
      assert.match(page.body, /Brightwatt Devices Ltd is late/);
    });

    await t.test('acknowledge, triage, fix, publish: each is a status update the reporter sees', async () => {
      const move = (status: string, message: string) => r.app.inject({ method: 'POST', url: `/api/v1/orgs/brightwatt/vdp/reports/${reportId}/updates`, headers: auth(s.ownerToken), payload: { status, message } });
      const res = await move('acknowledged', 'Thank you, we are looking into it.');
      assert.equal(res.statusCode, 200);
      const ack = res.json<{ acknowledgedAt: string; deadlines: { acknowledgementOverdue: boolean; nextUpdateBy: string } }>();
      assert.equal(ack.deadlines.acknowledgementOverdue, false);
      assert.equal(ack.deadlines.nextUpdateBy, '2027-03-09T09:00:00.000Z');
      now = new Date('2027-03-20T09:00:00Z');
      const overdue = await r.app.inject({ method: 'GET', url: `/api/v1/orgs/brightwatt/vdp/reports/${reportId}`, headers: auth(s.ownerToken) });
      assert.equal(overdue.json<{ deadlines: { updateOverdue: boolean } }>().deadlines.updateOverdue, true);
      assert.equal((await move('acknowledged', 'again')).statusCode, 409);
      assert.equal((await move('triaged', 'Confirmed: high severity.')).statusCode, 200);
      const csafEarly = await r.app.inject({ method: 'GET', url: `/api/v1/orgs/brightwatt/vdp/reports/${reportId}/csaf`, headers: auth(s.ownerToken) });
      assert.equal(csafEarly.statusCode, 409);
      const adv = await r.app.inject({ method: 'PATCH', url: `/api/v1/orgs/brightwatt/vdp/reports/${reportId}/advisory`, headers: auth(s.ownerToken), payload: { severity: 'high', cwe: 'CWE-798', cve: 'CVE-2027-12345', fixedIn: '2.4.2', remediation: 'Update to firmware 2.4.2, which removes the telnet service.' } });
      assert.equal(adv.statusCode, 200);
      assert.equal((await move('fixed', 'Fixed in 2.4.2, rolling out now.')).statusCode, 200);
      const view = await r.app.inject({ method: 'GET', url: `/api/v1/vdp/status/${statusUrl.split('/r/')[1]!}` });
      const v = view.json<{ status: string; updates: { author: string; status: string | null; message: string }[] }>();
      assert.equal(v.status, 'fixed');
      assert.deepEqual(v.updates.map((u) => u.status), ['acknowledged', 'triaged', 'fixed']);
    });

    await t.test('the reporter can answer through the status URL, still without an account', async () => {
      const secret = statusUrl.split('/r/')[1]!;
      const res = await r.app.inject({ method: 'POST', url: `/api/v1/vdp/status/${secret}/messages`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'message=Confirmed+fixed+on+2.4.2' });
      assert.equal(res.statusCode, 303);
      const detail = await r.app.inject({ method: 'GET', url: `/api/v1/orgs/brightwatt/vdp/reports/${reportId}`, headers: auth(s.ownerToken) });
      assert.deepEqual(detail.json<{ updates: { author: string }[] }>().updates.map((u) => u.author), ['manufacturer', 'manufacturer', 'manufacturer', 'reporter']);
      assert.equal((await r.app.inject({ method: 'GET', url: '/api/v1/vdp/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode, 404);
    });

    await t.test('the CSAF 2.0 advisory of the fixed report passes the BSI validator', async () => {
      const res = await r.app.inject({ method: 'GET', url: `/api/v1/orgs/brightwatt/vdp/reports/${reportId}/csaf`, headers: auth(s.ownerToken) });
      assert.equal(res.statusCode, 200, res.body);
      const doc = res.json<{ document: { category: string; csaf_version: string; tracking: { status: string } }; vulnerabilities: { cve: string; cwe: { id: string; name: string }; product_status: { fixed: string[] } }[] }>();
      assert.equal(doc.document.category, 'csaf_security_advisory');
      assert.equal(doc.document.csaf_version, '2.0');
      assert.equal(doc.document.tracking.status, 'interim');
      assert.equal(doc.vulnerabilities[0]!.cve, 'CVE-2027-12345');
      assert.deepEqual(doc.vulnerabilities[0]!.cwe, { id: 'CWE-798', name: 'Use of Hard-coded Credentials' });
      const { validateCsaf } = await import('../registry/vdp/csaf-validate.js');
      assert.equal((await validateCsaf(doc)).valid, true);
      // The validator is a real judge: break a mandatory rule (6.1.1: product ids must be defined) and it says so.
      const broken = structuredClone(doc);
      broken.vulnerabilities[0]!.product_status.fixed = ['CSAFPID-9999'];
      const verdict = await validateCsaf(broken);
      assert.equal(verdict.valid, false);
      assert.match(verdict.errors.join('\n'), /mandatoryTest_6_1_1/);
    });

    await t.test('webhooks were delivered and carry a valid HMAC signature over time and body', async () => {
      await r.webhooks.drain();
      const events = hook.deliveries.map((d) => d.headers['x-iotcop-event']);
      assert.ok(events.includes('report.received'));
      assert.ok(events.includes('report.status_changed'));
      assert.ok(events.includes('report.reporter_message'));
      for (const d of hook.deliveries) {
        assert.equal(d.headers['x-iotcop-signature'], signWebhook(secret, String(d.headers['x-iotcop-timestamp']), d.body));
        assert.doesNotMatch(d.body, /\/r\/[A-Za-z0-9_-]{43}/, 'never the reporter\'s secret URL');
      }
    });

    await t.test('reports are rate limited per address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await r.app.inject({ method: 'POST', url: '/api/v1/orgs/brightwatt/vdp/reports', remoteAddress: '192.0.2.9', payload: { title: `Report ${i}`, description: 'Something is wrong with the device.' } });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) assert.equal(res.json<{ error: { code: string } }>().error.code, 'ERR_RATE_LIMITED');
      }
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    });
  });
}
