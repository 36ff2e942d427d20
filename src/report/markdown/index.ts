import type { Renderer } from '../renderer.js';
import type { Report } from '../types.js';
import { mdCode, mdText } from './escape.js';
import { checksMd, findingsMd, guidelinesMd, headlineMd, openProvisionsMd, productMd, pstiMd } from './sections.js';

function renderMarkdown(report: Report): string {
  const subject = report.product ? `${mdText(report.product.brand)} ${mdText(report.product.model)}` : 'unnamed product';
  const sections = [
    `# iotcop report: ${subject}`,
    `Assessed against the UK Code of Practice for Consumer IoT Security, ETSI EN 303 645 V2.1.1 and UK PSTI by iotcop ${mdCode(report.tool.version)} on ${mdCode(report.generatedAt)}.`,
    productMd(report), headlineMd(report), pstiMd(report), guidelinesMd(report), openProvisionsMd(report), findingsMd(report), checksMd(report),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** A GitHub-flavoured Markdown summary, for pull requests, issues and CI job summaries. */
export const markdownRenderer: Renderer = {
  id: 'md',
  title: 'Markdown summary (GitHub-flavoured)',
  fileName: 'report.md',
  mediaType: 'text/markdown; charset=utf-8',
  render: renderMarkdown,
};
