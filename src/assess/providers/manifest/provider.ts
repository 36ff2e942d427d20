import { resolve } from 'node:path';
import type { ProvisionId } from '../../../catalogue/index.js';
import type { CheckedDocument, Evidence } from '../../../checks/types.js';
import { loadManifest, type EvidenceDocument, type LoadedManifest } from '../../../manifest/index.js';
import { IotcopError, sha256File } from '../../../model/index.js';
import type { ClassifiedInput } from '../../inputs.js';
import type { ProviderContext } from '../types.js';

export async function collectManifest(inputs: readonly ClassifiedInput[], collected: Evidence, ctx: ProviderContext): Promise<Evidence> {
  const manifests = inputs.filter((i) => i.kind === 'manifest');
  if (manifests.length === 0) {
    return { ...collected, unavailable: { ...collected.unavailable, declaration: 'no manifest was given' } };
  }
  if (manifests.length > 1) {
    throw new IotcopError('ERR_USAGE', `one product per assessment: got ${manifests.length} manifests (${manifests.map((m) => m.path).join(', ')})`);
  }
  ctx.progress('reading the manifest');
  const manifest = await loadManifest(manifests[0]!.path, { confine: ctx.untrusted });
  const documents: Partial<Record<ProvisionId, CheckedDocument[]>> = {};
  for (const [id, attestation] of Object.entries(manifest.data.attestations ?? {}) as [ProvisionId, { evidence?: readonly EvidenceDocument[] }][]) {
    const docs = attestation.evidence ?? [];
    if (docs.length > 0) documents[id] = await Promise.all(docs.map((d) => checkDocument(manifest, d)));
  }
  return { ...collected, manifest: { manifest, documents } };
}

/** Hashes a local evidence document and compares it with the declared sha256. */
export async function checkDocument(manifest: LoadedManifest, doc: EvidenceDocument): Promise<CheckedDocument> {
  if (!doc.path) return { ...doc, state: 'remote' };
  const absolute = resolve(manifest.dir, doc.path);
  try {
    const actualSha256 = await sha256File(absolute);
    if (!doc.sha256) return { ...doc, state: 'unhashed', actualSha256 };
    return { ...doc, state: actualSha256 === doc.sha256 ? 'verified' : 'mismatch', actualSha256 };
  } catch {
    return { ...doc, state: 'missing' };
  }
}

