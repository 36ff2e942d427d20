import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.js';
import { captureIo } from '../test-support/io.js';
import { DATABASES, freshDatabase } from '../test-support/registry.js';
import { EXAMPLE_DIR } from '../test-support/registry-seed.js';

const ENTRY = new URL('../test-support/cli-entry.ts', import.meta.url).pathname;

for (const { dialect, skip } of DATABASES) {
  test(`end to end on ${dialect}: a real server on loopback, from upload to revoked label`, { skip }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'iotcop-e2e-'));
    const db = await freshDatabase(dialect, dir);
    t.after(async () => { await db.drop(); rmSync(dir, { recursive: true, force: true }); });

    // Bootstrap without a UI: a registry-admin token from the CLI.
    const io = captureIo();
    assert.equal(await main(['node', 'iotcop', 'admin', 'create-token', '--registry-admin', '--name', 'e2e', '--db', db.url], io), 0, io.stderr());
    const adminToken = io.stdout().trim();

    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'serve', '--port', '0', '--db', db.url, '--data-dir', join(dir, 'data'), '--log-level', 'warn', '--public-url', 'http://127.0.0.1:1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    t.after(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000);
      child.stderr.on('data', () => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
      child.on('exit', () => reject(new Error(`server exited: ${stderr}`)));
    });

    const api = async (method: string, path: string, token: string | undefined, body?: unknown) => {
      const res = await fetch(`${base}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, json: await res.json() as Record<string, unknown> };
    };

    let res = await api('POST', '/api/v1/orgs', adminToken, { slug: 'brightwatt', kind: 'manufacturer', name: 'Brightwatt Devices Ltd', address: 'Leeds LS9 8AB, United Kingdom', securityEmail: 'security@brightwatt.example' });
    assert.equal(res.status, 201);
    res = await api('POST', '/api/v1/orgs/brightwatt/tokens', adminToken, { name: 'ci', role: 'owner' });
    const owner = String(res.json.token);
    res = await api('POST', '/api/v1/orgs/brightwatt/products', owner, { brand: 'Brightwatt', model: 'SP-200', type: 'Smart plug' });
    const productId = String(res.json.id);

    // Upload the example product as a browser or CI job would: multipart with relative evidence paths.
    const form = new FormData();
    form.append('manifest', new Blob([readFileSync(join(EXAMPLE_DIR, 'iotcop.yaml'))]), 'iotcop.yaml');
    for (const name of readdirSync(join(EXAMPLE_DIR, 'evidence')).sort()) form.append('files', new Blob([readFileSync(join(EXAMPLE_DIR, 'evidence', name))]), `evidence/${name}`);
    const upload = await fetch(`${base}/api/v1/orgs/brightwatt/products/${productId}/assessments`, { method: 'POST', headers: { authorization: `Bearer ${owner}` }, body: form });
    assert.equal(upload.status, 202);
    const assessmentId = String((await upload.json() as { id: string }).id);
    let status = 'queued';
    for (let i = 0; i < 600 && (status === 'queued' || status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = String((await api('GET', `/api/v1/orgs/brightwatt/assessments/${assessmentId}`, owner)).json.status);
    }
    assert.equal(status, 'done');
    const report = await (await fetch(`${base}/api/v1/orgs/brightwatt/assessments/${assessmentId}/report`, { headers: { authorization: `Bearer ${owner}` } })).json() as { provisions: { id: string; basis: string }[] };
    assert.equal(report.provisions.find((p) => p.id === '5.1-1')?.basis, 'attested-with-evidence', 'the evidence files arrived under their relative paths');

    res = await api('POST', `/api/v1/orgs/brightwatt/assessments/${assessmentId}/label`, owner);
    assert.equal(res.status, 201);
    const labelId = String(res.json.id);
    let page = await (await fetch(`${base}/p/${labelId}`)).text();
    assert.match(page, /Label status: <strong>valid<\/strong>/);
    assert.match(page, /Security updates until 31 March 2030/);

    // Someone reports a vulnerability through the plain HTML form.
    const form2 = await (await fetch(`${base}/m/brightwatt/report`)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(form2)![1]!;
    const filed = await fetch(`${base}${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ title: 'Debug shell on UART', description: 'A root shell without password on the UART header.', product: labelId, contact: '' }).toString() });
    assert.equal(filed.status, 201);
    const statusPath = new URL(/href="(http[^"]+\/r\/[A-Za-z0-9_-]+)"/.exec(await filed.text())![1]!).pathname;
    const inbox = await api('GET', '/api/v1/orgs/brightwatt/vdp/reports', owner);
    const reportId = String((inbox.json.reports as { id: string }[])[0]!.id);
    res = await api('POST', `/api/v1/orgs/brightwatt/vdp/reports/${reportId}/updates`, owner, { status: 'acknowledged', message: 'Thanks, we reproduced it.' });
    assert.equal(res.status, 200);
    const reporterPage = await (await fetch(`${base}${statusPath}`)).text();
    assert.match(reporterPage, /Status: <strong>acknowledged<\/strong>/);
    assert.match(reporterPage, /Thanks, we reproduced it\./);

    res = await api('POST', `/api/v1/orgs/brightwatt/labels/${labelId}/revoke`, owner, { reason: 'UART debug shell in shipped units' });
    assert.equal(res.status, 200);
    page = await (await fetch(`${base}/p/${labelId}`)).text();
    assert.match(page, /Label status: <strong>revoked<\/strong>/);
    assert.match(page, /UART debug shell in shipped units/);
    const asJson = await (await fetch(`${base}/p/${labelId}`, { headers: { accept: 'application/json' } })).json() as { label: { status: string } };
    assert.equal(asJson.label.status, 'revoked');

    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /SIGTERM: shutting down/);
  });
}
