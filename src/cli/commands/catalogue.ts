import { Option, type Command } from 'commander';
import {
  CONDITIONS, CRA_REQUIREMENTS, GUIDELINES, PROVISIONS, PSTI_REQUIREMENTS, provisionsOfGuideline,
  type Provision,
} from '../../catalogue/index.js';
import type { CommandModule } from '../command.js';
import { palette, type Io } from '../io.js';
import { csvTable, markdownTable, textTable, type Column } from '../table.js';
import { SUMMARIES } from './summaries.js';

type Standard = 'cop' | 'etsi' | 'psti' | 'cra';
type Format = 'table' | 'json' | 'csv' | 'md';

const conditionQuestion = new Map(CONDITIONS.map((c) => [c.id as string, c.question]));
const statusOf = (p: Provision) => (p.condition ? `${p.status} C` : p.status);

interface CatalogueTable {
  render(format: Format, io: Io): string;
}

function defineTable<Row>(title: string, columns: readonly Column<Row>[], rows: readonly Row[], json: unknown): CatalogueTable {
  return {
    render(format, io) {
      if (format === 'json') return `${JSON.stringify(json, null, 2)}\n`;
      if (format === 'csv') return csvTable(columns, rows);
      if (format === 'md') return `## ${title}\n\n${markdownTable(columns, rows)}`;
      return `${palette(io).bold(title)}\n\n${textTable(columns, rows, io.isTTY ? io.columns : 200)}`;
    },
  };
}

type G = (typeof GUIDELINES)[number];
type P = (typeof PSTI_REQUIREMENTS)[number];
type C = (typeof CRA_REQUIREMENTS)[number];

const TABLES: Record<Standard, () => CatalogueTable> = {
  cop: () => defineTable<G>('UK Code of Practice for Consumer IoT Security (DCMS, October 2018): 13 guidelines', [
    { header: 'Guideline', value: (g) => String(g.id), right: true },
    { header: 'Title', value: (g) => g.title },
    { header: 'Priority', value: (g) => (g.priority ? 'top three' : '') },
    { header: 'Stakeholders', value: (g) => g.stakeholders.join(', '), flexible: true },
    { header: 'EN 303 645', value: (g) => provisionsOfGuideline(g.id).join(' '), flexible: true },
  ], GUIDELINES, GUIDELINES.map((g) => ({ ...g, provisions: provisionsOfGuideline(g.id) }))),
  etsi: () => defineTable<Provision>('ETSI EN 303 645 V2.1.1 (2020-06): 68 provisions (M mandatory, R recommended, C conditional)', [
    { header: 'Provision', value: (p) => p.id },
    { header: 'Status', value: statusOf },
    { header: 'Gist', value: (p) => p.gist, flexible: true },
    { header: 'Condition', value: (p) => (p.condition ? conditionQuestion.get(p.condition) ?? '' : ''), flexible: true },
    { header: 'Evidence', value: (p) => p.evidence.join(' ') },
    { header: 'Phases', value: (p) => p.phases.join(' '), flexible: true },
  ], PROVISIONS, PROVISIONS.map((p) => ({ ...p, ...(p.condition ? { conditionQuestion: conditionQuestion.get(p.condition) } : {}) }))),
  psti: () => defineTable<P>('UK PSTI Regulations 2023: Schedule 1 security requirements, Schedule 2 deemed compliance', [
    { header: 'Paragraph', value: (r) => String(r.paragraph), right: true },
    { header: 'Requirement', value: (r) => r.title },
    { header: 'EN 303 645', value: (r) => r.provisions.map((p) => `${p.id} (${p.relationship})`).join(', ') },
    { header: 'Deemed met through (Schedule 2)', value: (r) => r.deemedRoutes.map((d) => `${d.standard} ${d.clauses.join(', ')}`).join('; ') || 'no deemed-compliance route', flexible: true },
  ], PSTI_REQUIREMENTS, PSTI_REQUIREMENTS),
  cra: () => defineTable<C>('EU Cyber Resilience Act, Annex I essential requirements, mapped to EN 303 645', [
    { header: 'Annex I', value: (r) => r.reference },
    { header: 'Requirement', value: (r) => r.summary, flexible: true },
    { header: 'Relation', value: (r) => r.relationship },
    { header: 'EN 303 645', value: (r) => r.provisions.join(' '), flexible: true },
  ], CRA_REQUIREMENTS, CRA_REQUIREMENTS),
};

export function renderCatalogue(standard: Standard, format: Format, io: Io): string {
  return TABLES[standard]().render(format, io);
}

export const catalogueCommand: CommandModule = {
  register(program: Command, io: Io) {
    program.command('catalogue')
      .description(SUMMARIES.catalogue)
      .addOption(new Option('--standard <standard>', 'which standard').choices(['cop', 'etsi', 'psti', 'cra']).default('etsi'))
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'md']).default('table'))
      .option('--json', 'same as --format json')
      .addHelpText('after', `
Examples:
  $ iotcop catalogue                          EN 303 645 provisions with status and conditions
  $ iotcop catalogue --standard cop           the 13 guidelines and their provisions
  $ iotcop catalogue --standard cra --format csv > cra.csv`)
      .action((opts: { standard: Standard; format: Format; json?: boolean }) => {
        io.out(renderCatalogue(opts.standard, opts.json ? 'json' : opts.format, io));
      });
  },
};
