import { mdCell, mdCode, mdTable, mdText } from '../markdown/escape.js';
import type { Renderer } from '../renderer.js';
import type { Report } from '../types.js';
import { csvDocument } from './csv.js';
import { ICS_COLUMNS, icsRows, rowCells } from './rows.js';

function renderCsv(report: Report): string {
  return csvDocument([ICS_COLUMNS, ...icsRows(report).map(rowCells)]);
}

function renderMarkdown(report: Report): string {
  const subject = report.product ? `${mdText(report.product.brand)} ${mdText(report.product.model)}` : 'unnamed product';
  const rows = icsRows(report).map((r) => [mdCode(r.provision), mdCell(r.summary), mdCell(r.status), r.support, mdCell(r.detail)]);
  return `${[
    `# Implementation Conformance Statement: ${subject}`,
    `ETSI EN 303 645 V2.1.1, one row per provision, in the style of the ICS of ETSI TS 103 701. Filled in by iotcop ${mdCode(report.tool.version)} on ${mdCode(report.generatedAt)}.`,
    ['- **Status:** M mandatory, R recommended; C conditional, followed by the condition and the manifest\'s answer.',
      '- **Support:** Y supported, N not supported, N/A not applicable (its condition does not hold), ? not determined (the detail says what is missing).'].join('\n'),
    mdTable([...ICS_COLUMNS], rows),
  ].join('\n\n')}\n`;
}

/** The ICS as CSV (RFC 4180), for spreadsheets and test-lab tooling. */
export const icsCsvRenderer: Renderer = {
  id: 'ics-csv',
  title: 'Implementation Conformance Statement (CSV)',
  fileName: 'ics.csv',
  mediaType: 'text/csv; charset=utf-8; header=present',
  render: renderCsv,
};

/** The ICS as a Markdown table. */
export const icsMarkdownRenderer: Renderer = {
  id: 'ics-md',
  title: 'Implementation Conformance Statement (Markdown)',
  fileName: 'ics.md',
  mediaType: 'text/markdown; charset=utf-8',
  render: renderMarkdown,
};
