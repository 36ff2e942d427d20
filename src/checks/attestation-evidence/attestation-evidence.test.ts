import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectManifest } from '../../assess/providers/manifest/provider.js';
import { classifyInputs } from '../../assess/inputs.js';
import { sha256 } from '../../model/index.js';
import { writeManifest } from '../../test-support/manifest.js';
import type { CheckContext } from '../types.js';
import { attestationEvidence } from './index.js';

async function findingsFor(docs: { title: string; path: string; sha256?: string }[], files: Record<string, string>) {
  const path = writeManifest({ attestations: { '5.4-1': { status: 'implemented', evidence: docs } } }, files);
  const evidence = await collectManifest(await classifyInputs([path]), { unavailable: {} }, { signal: new AbortController().signal, untrusted: false, progress() {} });
  const ctx: CheckContext = { evidence, now: new Date(), signal: new AbortController().signal, progress() {} };
  return { findings: await attestationEvidence.run(ctx), evidence };
}

test('matching documents give no finding and are marked verified', async () => {
  const { findings, evidence } = await findingsFor([{ title: 'Design', path: 'design.md', sha256: sha256('secure storage\n') }], { 'design.md': 'secure storage\n' });
  assert.deepEqual(findings, []);
  assert.equal(evidence.manifest?.documents['5.4-1']?.[0]?.state, 'verified');
});

test('a changed document is reported at its manifest line', async () => {
  const { findings } = await findingsFor([{ title: 'Design', path: 'design.md', sha256: sha256('old text\n') }], { 'design.md': 'new text\n' });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.verdict, 'inconclusive');
  assert.deepEqual(findings[0]!.provisions, ['5.4-1']);
  assert.ok((findings[0]!.location.line ?? 0) > 1);
});

test('a missing document is reported; an unhashed one is only weaker', async () => {
  const { findings, evidence } = await findingsFor([{ title: 'Gone', path: 'gone.md' }, { title: 'Unhashed', path: 'here.md' }], { 'here.md': 'x' });
  assert.deepEqual(findings.map((f) => f.title), ['Evidence for 5.4-1 is missing']);
  assert.deepEqual(evidence.manifest?.documents['5.4-1']?.map((d) => d.state), ['missing', 'unhashed']);
});
