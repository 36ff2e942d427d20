import type { Renderer } from '../renderer.js';
import { buildSarif } from './log.js';

/** SARIF 2.1.0, for code-scanning UIs (GitHub, GitLab, Azure DevOps, the SARIF viewers). */
export const sarifRenderer: Renderer = {
  id: 'sarif',
  title: 'SARIF 2.1.0 for code-scanning tools',
  fileName: 'report.sarif',
  mediaType: 'application/sarif+json',
  render: (report) => `${JSON.stringify(buildSarif(report), null, 2)}\n`,
};
