import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { LoadedManifest, Manifest } from '../manifest/index.js';
import { parseManifest } from '../manifest/index.js';
import type { Evidence } from '../checks/types.js';

/** A minimal valid manifest; tests override what they exercise. */
export const MINIMAL_MANIFEST: Manifest = {
  schemaVersion: 1,
  manufacturer: { name: 'Test Devices Ltd', address: '1 Test Road, Leeds' },
  product: { brand: 'Test', model: 'T-1', type: 'smart plug' },
};

/** Writes a manifest (and optional files beside it) into a fresh temp folder; returns the manifest path. */
export function writeManifest(data: Partial<Manifest> & Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-manifest-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const path = join(dir, 'iotcop.yaml');
  writeFileSync(path, stringify({ ...MINIMAL_MANIFEST, ...data }));
  return path;
}

/** Manifest evidence for check tests, without touching the disk. */
export function manifestEvidence(data: Partial<Manifest> = {}): Evidence {
  const manifest: LoadedManifest = parseManifest(stringify({ ...MINIMAL_MANIFEST, ...data }), 'iotcop.yaml', { dir: tmpdir() });
  return { unavailable: {}, manifest: { manifest, documents: {} } };
}
