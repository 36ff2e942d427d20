import type { Report } from '../report/index.js';
import { palette, type Io } from './io.js';
import { textTable } from './table.js';

const n = (c: { pass: number; fail: number; inconclusive: number; 'not-applicable': number }) =>
  `${c.pass} pass, ${c.fail} fail, ${c.inconclusive} inconclusive, ${c['not-applicable']} n/a`;

/** The human summary of an assessment: headline verdicts, guidelines, findings by severity. */
export function renderSummary(report: Report, io: Io): string {
  const p = palette(io);
  const lines: string[] = [];
  const product = report.product;
  if (product) {
    const fw = product.firmwareVersions.length ? `, firmware ${product.firmwareVersions.join(', ')}` : '';
    lines.push(p.bold(`${product.brand} ${product.model}`) + ` (${product.manufacturer.name})${fw}`);
  } else {
    lines.push(p.bold(report.inputs.map((i) => i.path).join(', ')));
  }
  lines.push('');
  lines.push(`${p.bold('EN 303 645')}    ${p.verdict(report.etsi.verdict)}  mandatory: ${n(report.etsi.mandatory)}`);
  lines.push(`${p.bold('PSTI')}          ${p.verdict(report.psti.verdict)}  ${report.psti.requirements.map((r) => `${r.paragraph} ${r.title}: ${p.verdict(r.verdict)}`).join('; ')}`);
  lines.push(`${p.bold('Top priority')}  ${p.verdict(report.priority.verdict)}  guidelines ${report.priority.guidelines.join(', ')} of the Code of Practice`);
  lines.push('');
  lines.push(textTable([
    { header: '#', value: (g) => String(g.id), right: true },
    { header: 'Guideline', value: (g) => g.title, flexible: true },
    { header: 'Verdict', value: (g) => g.verdict },
    { header: 'Pass', value: (g) => String(g.provisions.pass), right: true },
    { header: 'Fail', value: (g) => String(g.provisions.fail), right: true },
    { header: 'Open', value: (g) => String(g.provisions.inconclusive), right: true },
    { header: 'N/A', value: (g) => String(g.provisions['not-applicable']), right: true },
  ], report.guidelines, io.isTTY ? io.columns : 100, (col, text) => (col === 2 ? p.verdict(text) : text)).trimEnd());
  lines.push('');
  const f = report.summary.findings;
  lines.push(`Findings: ${p.red(`${f.critical} critical`)}, ${f.high} high, ${f.medium} medium, ${f.low} low, ${f.info} info`);
  const failing = report.provisions.filter((r) => r.verdict === 'fail');
  for (const r of failing) lines.push(`  ${p.red('fail')} ${r.id} ${r.status}: ${r.justification}`);
  return `${lines.join('\n')}\n`;
}
