import type { IdentifiedBy } from '../analysis/components/index.js';
import type { SbomComponent } from './types.js';

// CycloneDX 1.6 `evidence.identity` and `evidence.occurrences` (schema: componentEvidence). The library's model
// (10.3) has no place for them, so they are added to its normalised output and the result is validated
// against the 1.6 schema as a whole.

type Technique = 'manifest-analysis' | 'binary-analysis' | 'filename';

/**
 * How each way of recognising a component maps to a CycloneDX technique, and how sure it is: a package
 * database states the package and version outright; a version string is the program's own banner, read by a
 * pattern; a kernel modules folder or image file only names a release.
 */
const METHOD: Readonly<Record<IdentifiedBy, { technique: Technique; confidence: number }>> = {
  'package-database': { technique: 'manifest-analysis', confidence: 1 },
  'version-string': { technique: 'binary-analysis', confidence: 0.8 },
  'kernel-banner': { technique: 'binary-analysis', confidence: 0.9 },
  'kernel-modules': { technique: 'filename', confidence: 0.7 },
  'file-name': { technique: 'filename', confidence: 0.6 },
};

/** The CPE comes from iotcop's product table (product -> NVD vendor:product), one step removed from what was read. */
const CPE_FACTOR = 0.9;

export interface IdentityEvidence {
  field: 'purl' | 'cpe';
  confidence: number;
  concludedValue: string;
  methods: { technique: Technique; confidence: number; value: string }[];
  tools: string[];
}

export function identityOf(c: SbomComponent, toolRef: string): IdentityEvidence[] {
  const methods = c.identifiedBy.map((i) => ({ ...METHOD[i.how], value: i.evidence.slice(0, 500) }));
  const best = Math.max(...methods.map((m) => m.confidence));
  const out: IdentityEvidence[] = [{ field: 'purl', confidence: best, concludedValue: c.component.purl, methods, tools: [toolRef] }];
  if (c.component.cpe) {
    out.push({
      field: 'cpe', confidence: Math.round(best * CPE_FACTOR * 100) / 100, concludedValue: c.component.cpe,
      methods: methods.map((m) => ({ ...m, confidence: Math.round(m.confidence * CPE_FACTOR * 100) / 100 })), tools: [toolRef],
    });
  }
  return out;
}

export function occurrencesOf(c: SbomComponent): { location: string; line?: number; offset?: number }[] {
  return c.occurrences.map((o) => ({ ...o }));
}
