import type { ProvisionId } from '../../catalogue/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const evidence = ctx.evidence.manifest;
  if (!evidence) return Promise.resolve([]);
  const { manifest, documents } = evidence;
  const findings: FindingDraft[] = [];
  for (const [id, docs] of Object.entries(documents) as [ProvisionId, NonNullable<(typeof documents)[ProvisionId]>][]) {
    docs.forEach((doc, index) => {
      if (doc.state !== 'mismatch' && doc.state !== 'missing') return;
      const where = manifest.locate(['attestations', id, 'evidence', index, doc.state === 'missing' ? 'path' : 'sha256']);
      const mismatch = doc.state === 'mismatch';
      findings.push({
        provisions: [id],
        severity: 'medium',
        verdict: 'inconclusive',
        title: mismatch ? `Evidence for ${id} does not match its declared hash` : `Evidence for ${id} is missing`,
        detail: mismatch
          ? `"${doc.title}" (${doc.path ?? ''}) has changed since its sha256 was recorded in the manifest, so the attestation for ${id} cannot rest on it.`
          : `"${doc.title}" names ${doc.path ?? ''}, which cannot be read next to the manifest, so the attestation for ${id} cannot rest on it.`,
        location: { path: manifest.path, line: where.line },
        evidence: mismatch ? `declared sha256 ${doc.sha256?.slice(0, 12) ?? ''}..., actual ${doc.actualSha256?.slice(0, 12) ?? ''}...` : `path ${doc.path ?? ''}`,
        remediation: mismatch
          ? 'Check which version of the document is right, then record its hash again (`sha256sum <file>`).'
          : 'Put the document beside the manifest at that path, or correct the path.',
        key: `${id}#${index}`,
      });
    });
  }
  return Promise.resolve(findings);
}
