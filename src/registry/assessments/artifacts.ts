import type { Report } from '../../report/index.js';

/** A file derived from a report beyond the report renderers (the statement of compliance). */
export interface ExtraArtifact {
  readonly fileName: string;
  readonly content: string;
}

/** Files beyond the report renderers. The statement of compliance is added here once the library renders it. */
export function extraArtifacts(_report: Report): Promise<ExtraArtifact[]> {
  return Promise.resolve([]);
}
