import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestEvidence } from '../../test-support/manifest.js';
import type { CheckContext } from '../types.js';
import { disclosurePolicy } from './index.js';

const ctx = (evidence: CheckContext['evidence']): CheckContext => ({ evidence, now: new Date(), signal: new AbortController().signal, progress() {} });
const complete = {
  policyUrl: 'https://example.com/vdp', contactEmail: 'security@example.com', acknowledgeWithinDays: 5, statusUpdateEveryDays: 30,
};

test('a complete declaration gives no finding', async () => {
  assert.deepEqual(await disclosurePolicy.run(ctx(manifestEvidence({ vulnerabilityDisclosure: complete }))), []);
});

test('no contact at all fails', async () => {
  const findings = await disclosurePolicy.run(ctx(manifestEvidence({})));
  assert.deepEqual(findings.map((f) => [f.verdict, f.severity]), [['fail', 'high']]);
});

test('missing response times fail (PSTI Schedule 1 para 2)', async () => {
  const { statusUpdateEveryDays: _s, ...rest } = complete;
  const findings = await disclosurePolicy.run(ctx(manifestEvidence({ vulnerabilityDisclosure: rest })));
  assert.deepEqual(findings.map((f) => f.verdict), ['fail']);
  assert.match(findings[0]!.detail, /status updates/);
});

test('a contact without a public policy is inconclusive', async () => {
  const { policyUrl: _p, ...rest } = complete;
  const findings = await disclosurePolicy.run(ctx(manifestEvidence({ vulnerabilityDisclosure: rest })));
  assert.deepEqual(findings.map((f) => f.verdict), ['inconclusive']);
});
