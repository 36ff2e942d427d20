import { weaknesses } from '@secvisogram/csaf-validator-lib/cwe.js';
import type { RegistryContext } from '../context.js';
import type { VdpReport } from '../db/schema.js';
import { RegistryError } from '../errors.js';
import { validateCsaf } from './csaf-validate.js';
import { getReportRow } from './inbox.js';

/** A CSAF 2.0 security advisory (csaf_security_advisory profile); typed loosely, the validator is the judge. */
export type CsafDocument = Record<string, unknown>;

interface AdvisorySource {
  readonly report: VdpReport;
  readonly org: { readonly name: string; readonly slug: string; readonly website: string | null };
  readonly product: { readonly brand: string; readonly model: string } | null;
  readonly publicUrl: string;
  readonly version: string;
}

const CVSS_LESS_SEVERITY = new Set(['low', 'medium', 'high', 'critical']);

/** Builds the advisory for a fixed report: the product tree names the fixed version and the versions before it. */
export function buildCsaf(src: AdvisorySource): CsafDocument {
  const { report: r, org } = src;
  if (!r.fixed_in) throw new RegistryError('ERR_UNPROCESSABLE', 'set advisory.fixedIn (the firmware version with the fix) before exporting an advisory');
  const productName = src.product ? `${src.product.brand} ${src.product.model}` : (r.product_ref ?? 'Unnamed product');
  const date = r.published_at ?? r.fixed_at!;
  const cwe = r.cwe ? weaknesses.find((w) => w.id === r.cwe) : undefined;
  const notes = [{ category: 'description', title: 'Description', text: r.description }];
  if (r.severity && CVSS_LESS_SEVERITY.has(r.severity)) notes.push({ category: 'other', title: 'Severity', text: `The manufacturer rates this vulnerability ${r.severity}.` });
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      distribution: { tlp: { label: r.status === 'published' ? 'WHITE' : 'AMBER' } },
      notes: [{ category: 'summary', title: 'Summary', text: `${r.title}. Fixed in ${productName} firmware ${r.fixed_in}.` }],
      publisher: { category: 'vendor', name: org.name, namespace: org.website ?? `${src.publicUrl}/m/${org.slug}` },
      references: [
        { category: 'external', summary: `How to report a security problem to ${org.name}`, url: `${src.publicUrl}/m/${org.slug}/report` },
      ],
      title: r.title,
      tracking: {
        id: `IOTCOP-${org.slug.toUpperCase()}-${r.id}`,
        status: r.status === 'published' ? 'final' : 'interim',
        version: '1',
        initial_release_date: date,
        current_release_date: date,
        revision_history: [{ date, number: '1', summary: 'Initial advisory.' }],
        generator: { engine: { name: 'iotcop', version: src.version }, date },
      },
    },
    product_tree: {
      branches: [{
        category: 'vendor', name: org.name,
        branches: [{
          category: 'product_name', name: productName,
          branches: [
            { category: 'product_version_range', name: `vers:generic/<${r.fixed_in}`, product: { name: `${productName} before ${r.fixed_in}`, product_id: 'CSAFPID-0001' } },
            { category: 'product_version', name: r.fixed_in, product: { name: `${productName} ${r.fixed_in}`, product_id: 'CSAFPID-0002' } },
          ],
        }],
      }],
    },
    vulnerabilities: [{
      title: r.title,
      ...(r.cve ? { cve: r.cve } : {}),
      ...(cwe ? { cwe: { id: cwe.id, name: cwe.name } } : {}),
      notes,
      product_status: { known_affected: ['CSAFPID-0001'], fixed: ['CSAFPID-0002'] },
      remediations: [{
        category: 'vendor_fix',
        details: r.remediation ?? `Update the firmware to ${r.fixed_in} or later.`,
        product_ids: ['CSAFPID-0001'],
        date,
      }],
    }],
  };
}

/** The advisory of a fixed (or published) report, validated before it leaves the registry. */
export async function exportCsaf(ctx: RegistryContext, orgId: string, reportId: string): Promise<CsafDocument> {
  const report = await getReportRow(ctx, orgId, reportId);
  if (report.status !== 'fixed' && report.status !== 'published') throw new RegistryError('ERR_STATE', `the report is ${report.status}; an advisory is exported once it is fixed`);
  const org = await ctx.db.selectFrom('orgs').select(['name', 'slug', 'website']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const product = report.product_id ? await ctx.db.selectFrom('products').select(['brand', 'model']).where('id', '=', report.product_id).executeTakeFirst() : undefined;
  const doc = buildCsaf({ report, org, product: product ?? null, publicUrl: ctx.publicUrl, version: ctx.version });
  const check = await validateCsaf(doc);
  if (!check.valid) throw new RegistryError('ERR_UNPROCESSABLE', `the advisory does not pass CSAF 2.0 validation: ${check.errors.slice(0, 5).join('; ')}`);
  return doc;
}
