import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProvisionId } from '../catalogue/index.js';
import type { CheckedDocument, Evidence } from '../checks/types.js';
import type { Attestation, Manifest } from '../manifest/index.js';
import { toFinding, type FindingVerdict } from '../model/index.js';
import { resolveProvisions } from './resolve.js';

const BASE: Manifest = {
  schemaVersion: 1,
  manufacturer: { name: 'M', address: 'A' },
  product: { brand: 'B', model: 'X', type: 't' },
};

function evidence(extra: Partial<Manifest> = {}, documents: Partial<Record<ProvisionId, CheckedDocument[]>> = {}): Evidence {
  return {
    unavailable: {},
    manifest: {
      manifest: { path: 'm.yaml', dir: '/tmp', sha256: '', data: { ...BASE, ...extra }, locate: () => ({ line: 1, column: 1 }) },
      documents,
    },
  };
}

function finding(provision: ProvisionId, verdict: FindingVerdict, title = `${verdict} ${provision}`) {
  return toFinding('test-check', { provisions: [provision], severity: verdict === 'fail' ? 'high' : 'info', verdict, title, detail: '', location: { path: `/x/${title}` }, evidence: '', remediation: '' });
}

const verified: CheckedDocument = { title: 'Doc', path: 'doc.md', sha256: 'a'.repeat(64), state: 'verified', actualSha256: 'a'.repeat(64) };
const changed: CheckedDocument = { ...verified, state: 'mismatch', actualSha256: 'b'.repeat(64) };

function verdictOf(id: ProvisionId, ev: Evidence, findings: ReturnType<typeof finding>[] = []) {
  const r = resolveProvisions({ evidence: ev, findings, skipped: new Map() }).find((p) => p.id === id)!;
  return { verdict: r.verdict, basis: r.basis, justification: r.justification };
}

const implemented: Attestation = { status: 'implemented', justification: 'We did it properly.' };

test('a failing automated check beats a passing attestation with evidence', () => {
  const ev = evidence({ attestations: { '5.1-1': implemented } }, { '5.1-1': [verified] });
  assert.deepEqual(verdictOf('5.1-1', ev, [finding('5.1-1', 'fail')]).verdict, 'fail');
  assert.equal(verdictOf('5.1-1', ev, [finding('5.1-1', 'fail')]).basis, 'automated');
});

test('a failing automated check beats a condition answered "does not apply"', () => {
  const ev = evidence({ conditions: { passwords: false } });
  assert.equal(verdictOf('5.1-1', ev).verdict, 'not-applicable');
  assert.equal(verdictOf('5.1-1', ev, [finding('5.1-1', 'fail')]).verdict, 'fail');
});

test('a condition that does not hold makes the provision not applicable, with the reason', () => {
  const r = verdictOf('6-5', evidence({ conditions: { telemetry: false } }));
  assert.equal(r.verdict, 'not-applicable');
  assert.equal(r.basis, 'condition');
  assert.match(r.justification, /telemetry/);
  assert.equal(verdictOf('5.1-5', evidence({ conditions: { constrained: true } })).verdict, 'not-applicable');
  assert.notEqual(verdictOf('5.1-5', evidence({ conditions: { constrained: false } })).verdict, 'not-applicable');
});

test('an attestation of non-implementation is a failure', () => {
  const r = verdictOf('5.1-5', evidence({ attestations: { '5.1-5': { status: 'not-implemented', justification: 'Planned for 2.5.' } } }));
  assert.equal(r.verdict, 'fail');
  assert.equal(r.basis, 'attested');
});

test('automated passes give pass; an open question alongside keeps it inconclusive', () => {
  assert.equal(verdictOf('5.4-3', evidence(), [finding('5.4-3', 'pass')]).verdict, 'pass');
  assert.equal(verdictOf('5.4-3', evidence(), [finding('5.4-3', 'pass'), finding('5.4-3', 'inconclusive')]).verdict, 'inconclusive');
});

test('an attestation with verified evidence settles what checks left open; one without does not', () => {
  const open = [finding('5.4-3', 'inconclusive')];
  const strong = evidence({ attestations: { '5.4-3': implemented } }, { '5.4-3': [verified] });
  const weak = evidence({ attestations: { '5.4-3': implemented } });
  assert.deepEqual([verdictOf('5.4-3', strong, open).verdict, verdictOf('5.4-3', strong, open).basis], ['pass', 'attested-with-evidence']);
  assert.deepEqual([verdictOf('5.4-3', weak, open).verdict, verdictOf('5.4-3', weak, open).basis], ['inconclusive', 'automated']);
});

test('an attestation alone passes on the manufacturer\'s word, and says so', () => {
  const r = verdictOf('5.3-16', evidence({ attestations: { '5.3-16': implemented } }));
  assert.deepEqual([r.verdict, r.basis], ['pass', 'attested']);
  assert.match(r.justification, /No evidence document with a verified hash/);
});

test('changed evidence documents make an attestation inconclusive', () => {
  const r = verdictOf('5.3-16', evidence({ attestations: { '5.3-16': implemented } }, { '5.3-16': [changed] }));
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.justification, /missing or changed/);
});

test('not-applicable attestations need and carry their justification', () => {
  const r = verdictOf('5.6-3', evidence({ attestations: { '5.6-3': { status: 'not-applicable', justification: 'Sealed enclosure, no ports.' } } }));
  assert.equal(r.verdict, 'not-applicable');
  assert.match(r.justification, /Sealed enclosure/);
});

test('silence is never a pass', () => {
  const all = resolveProvisions({ evidence: { unavailable: {} }, findings: [], skipped: new Map([['5.1-1', ['default-passwords (needs a firmware image)']]]) });
  assert.ok(all.every((p) => p.verdict === 'inconclusive'));
  const p511 = all.find((p) => p.id === '5.1-1')!;
  assert.equal(p511.basis, 'none');
  assert.match(p511.justification, /default-passwords \(needs a firmware image\)/);
  assert.match(p511.justification, /assumed to apply/);
});

test('4-1 is derived from the recommendations', () => {
  const recommendations = resolveProvisions({ evidence: evidence(), findings: [], skipped: new Map() }).filter((p) => p.status === 'R');
  const justified: Record<string, Attestation> = {};
  for (const r of recommendations) justified[r.id] = { status: 'not-implemented', justification: 'Not in this product line.' };
  const pass = resolveProvisions({ evidence: evidence({ attestations: justified }), findings: [], skipped: new Map() });
  assert.equal(pass[0]!.id, '4-1');
  assert.equal(pass[0]!.verdict, 'pass');
  const failing = resolveProvisions({ evidence: evidence({ attestations: justified }), findings: [finding('5.7-1', 'fail')], skipped: new Map() });
  assert.equal(failing[0]!.verdict, 'pass', 'a failing check on a recommendation the manufacturer justified is still justified');
  const { '5.7-1': _dropped, ...rest } = justified;
  const unjustified = resolveProvisions({ evidence: evidence({ attestations: rest }), findings: [finding('5.7-1', 'fail')], skipped: new Map() });
  assert.equal(unjustified[0]!.verdict, 'fail');
  assert.match(unjustified[0]!.justification, /5\.7-1/);
});
