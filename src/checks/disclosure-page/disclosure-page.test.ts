import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContext, webEvidence } from '../../test-support/web.js';
import { disclosurePage } from './index.js';

const URL = 'https://example.com/security/disclosure';
const GOOD = `<html><body><h1>Vulnerability disclosure policy</h1>
<p>To report a security vulnerability, e-mail <a href="mailto:security@example.com">security@example.com</a>.</p>
<p>We acknowledge every report within 5 working days.</p>
<p>We send status updates at least every 30 days until the issue is resolved.</p></body></html>`;
const vd = { policyUrl: URL, acknowledgeWithinDays: 5, statusUpdateEveryDays: 30 };
const run = async (body: string | undefined, extra: object = {}, manifest: object = { vulnerabilityDisclosure: vd }) =>
  disclosurePage.run(checkContext(webEvidence([{ purpose: 'disclosure-policy', url: URL, ...(body === undefined ? {} : { body }), ...extra }], manifest)));

test('a page with contact, acknowledgement and update times passes', async () => {
  const findings = await run(GOOD);
  assert.deepEqual(findings.map((f) => f.verdict), ['pass']);
  assert.match(findings[0]!.detail, /security@example.com/);
});

test('a page without the timelines is inconclusive, saying what was looked for', async () => {
  const findings = await run('<p>Report problems to security@example.com.</p>');
  assert.deepEqual(findings.map((f) => f.verdict), ['inconclusive']);
  assert.match(findings[0]!.detail, /acknowledged.*status updates/s);
});

test('times that differ from the manifest are flagged', async () => {
  const findings = await run(GOOD.replace('5 working days', '10 working days'));
  assert.deepEqual(findings.map((f) => f.title), ['The published acknowledgement time differs from the manifest']);
});

test('a missing page or a bad certificate fails; a server error is inconclusive', async () => {
  assert.deepEqual((await run('', { status: 404 })).map((f) => f.verdict), ['fail']);
  assert.deepEqual((await run(undefined, { error: { code: 'tls', message: 'self-signed' } })).map((f) => f.verdict), ['fail']);
  assert.deepEqual((await run('', { status: 503 })).map((f) => f.verdict), ['inconclusive']);
});
