import { PSTI_REQUIREMENTS } from '../catalogue/index.js';
import type { Manifest } from '../manifest/index.js';
import { IotcopError, longDate } from '../model/index.js';
import type { Report } from '../report/types.js';

/** Who signs the statement, where and when (PSTI Regulations 2023, Schedule 4). */
export interface Signatory {
  readonly name: string;
  readonly function: string;
  readonly place: string;
  /** YYYY-MM-DD */
  readonly date: string;
}

export interface StatementFacts {
  readonly productType: string;
  readonly product: string;
  readonly batch: string;
  readonly manufacturer: { readonly name: string; readonly address: string };
  /** One sentence per Schedule 1 requirement: met, and through which deemed-compliance route. */
  readonly requirements: readonly { readonly paragraph: number; readonly title: string; readonly verdict: string; readonly declaration: string }[];
  readonly supportPeriodEnd: string;
  readonly signatory: Signatory;
  /** Present when the assessment does not support the declaration and --force made a draft. */
  readonly draft?: readonly string[];
}

/**
 * The content of a PSTI statement of compliance. Refuses (ERR_STATEMENT_REFUSED) when a Schedule 1 requirement is
 * not shown to be met or no support period is declared, unless `force`, which marks the statement a draft and
 * records why.
 */
export function statementFacts(report: Report, manifest: Manifest, signatory: Signatory, force = false): StatementFacts {
  const reasons = report.psti.requirements.filter((r) => r.verdict !== 'pass').map((r) => `Schedule 1 paragraph ${r.paragraph} (${r.title}) is ${r.verdict}: ${r.justification}`);
  if (!manifest.supportPeriod) reasons.push('no defined support period is declared');
  if (reasons.length > 0 && !force) {
    throw new IotcopError('ERR_STATEMENT_REFUSED', `the assessment does not support a statement of compliance: ${reasons.join('; ')}`, {
      hint: 'Fix what fails and assess again, or pass --force to write a draft that says it is one.',
    });
  }
  const requirements = PSTI_REQUIREMENTS.map((req) => {
    const result = report.psti.requirements.find((r) => r.id === req.id);
    const verdict = result?.verdict ?? 'inconclusive';
    const routeStandard = req.deemedRoutes.find((r) => result?.route?.includes(r.standard));
    const declaration = verdict !== 'pass' ? `not shown to be met (${verdict})`
      : routeStandard ? `met: deemed met by complying with ${routeStandard.standard} provision${routeStandard.clauses.length > 1 ? 's' : ''} ${routeStandard.clauses.join(' and ')} (Schedule 2)`
        : 'met';
    return { paragraph: req.paragraph, title: req.title, verdict, declaration };
  });
  const p = manifest.product;
  return {
    productType: p.type,
    product: `${p.brand} ${p.model}${p.hardwareVersion ? ` (hardware ${p.hardwareVersion})` : ''}`,
    batch: p.batch ?? 'all units of this model',
    manufacturer: { name: manifest.manufacturer.name, address: manifest.manufacturer.address },
    requirements,
    supportPeriodEnd: manifest.supportPeriod ? longDate(manifest.supportPeriod.end) : 'not declared',
    signatory,
    ...(reasons.length > 0 ? { draft: reasons } : {}),
  };
}

/** The statement's sentences, shared by the HTML and PDF renderers so both say exactly the same. */
export function statementText(f: StatementFacts): { heading: string; intro: string; declaration: string; items: readonly [string, string][] } {
  return {
    heading: 'Statement of compliance',
    intro: `This statement of compliance is prepared by or on behalf of the manufacturer, ${f.manufacturer.name}, under the Product Security and Telecommunications Infrastructure Act 2022 and the Product Security and Telecommunications Infrastructure (Security Requirements for Relevant Connectable Products) Regulations 2023.`,
    declaration: `In the opinion of the manufacturer, the security requirements in Schedule 1 to the Regulations have been complied with in relation to the product described below.`,
    items: [
      ['Product type', f.productType],
      ['Product', f.product],
      ['Batch', f.batch],
      ['Manufacturer', `${f.manufacturer.name}, ${f.manufacturer.address}`],
      ...f.requirements.map((r): [string, string] => [`Schedule 1 para ${r.paragraph}: ${r.title}`, r.declaration]),
      ['Defined support period', `Security updates will be provided until at least ${f.supportPeriodEnd}.`],
      ['Signed for and on behalf of the manufacturer', `${f.signatory.name}, ${f.signatory.function}`],
      ['Place and date of issue', `${f.signatory.place}, ${longDate(f.signatory.date)}`],
    ],
  };
}
