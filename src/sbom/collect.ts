import type { TargetComponents } from '../analysis/components/index.js';
import type { SbomComponent } from './types.js';

type Occurrence = SbomComponent['occurrences'][number];

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One SBOM component per purl over all the filesystems of an image: the same package or binary seen in two
 * layers, or found both by a package database and a version string with the same purl, is one component with
 * every occurrence and every way it was recognised. Sorted by name, version and purl.
 */
export function collectComponents(targets: readonly TargetComponents[]): SbomComponent[] {
  const by = new Map<string, { first: SbomComponent['component']; occurrences: Map<string, Occurrence>; how: Map<string, SbomComponent['identifiedBy'][number]> }>();
  for (const t of targets) {
    for (const c of t.components) {
      let entry = by.get(c.purl);
      if (!entry) by.set(c.purl, (entry = { first: c, occurrences: new Map(), how: new Map() }));
      for (const o of c.occurrences) {
        const location = t.target.several && !/ layer\)$/.test(o.path) ? `${t.target.vfs.layer}:${o.path}` : o.path;
        const occ: Occurrence = { location, ...(o.line !== undefined ? { line: o.line } : {}), ...(o.offset !== undefined ? { offset: o.offset } : {}) };
        const key = `${location}\0${o.line ?? ''}\0${o.offset ?? ''}`;
        if (!entry.occurrences.has(key)) entry.occurrences.set(key, occ);
      }
      if (!entry.how.has(c.identifiedBy)) entry.how.set(c.identifiedBy, { how: c.identifiedBy, evidence: c.evidence });
    }
  }
  return [...by.values()]
    .map((e) => ({
      component: e.first,
      occurrences: [...e.occurrences.values()].sort((a, b) => byteOrder(a.location, b.location) || (a.line ?? 0) - (b.line ?? 0) || (a.offset ?? 0) - (b.offset ?? 0)),
      identifiedBy: [...e.how.values()].sort((a, b) => byteOrder(a.how, b.how)),
    }))
    .sort((a, b) => byteOrder(a.component.name, b.component.name) || byteOrder(a.component.version ?? '', b.component.version ?? '') || byteOrder(a.component.purl, b.component.purl));
}
