import type { LabelStatus } from '../../label/index.js';
import { syncExternalChanges } from '../changes.js';
import type { RegistryContext } from '../context.js';
import { day } from '../ids.js';
import { labelStatus as verifiedStatus } from '../labels/status.js';
import { STATEMENT_FILES } from '../public/product-page.js';

/** The answer for one product identifier: the four things a retailer must see before selling (PSTI s.14-16 duties). */
export interface RetailResult {
  readonly identifier: string;
  readonly matchedBy: 'label' | 'gtin' | 'model' | null;
  readonly product: string | null;
  readonly manufacturer: string | null;
  /** A statement of compliance is on the registry. */
  readonly statement: boolean;
  readonly statementUrl: string | null;
  readonly supportUntil: string | null;
  readonly supportRunning: boolean;
  /** The manufacturer publishes where to report a vulnerability. */
  readonly disclosureContact: boolean;
  readonly disclosureUrl: string | null;
  readonly labelId: string | null;
  readonly labelStatus: LabelStatus | 'none';
  /** All four hold. */
  readonly ok: boolean;
  readonly problems: readonly string[];
}

export const RETAIL_CSV_HEADER = ['identifier', 'found', 'matched_by', 'product', 'manufacturer', 'statement', 'support_until', 'support_running', 'disclosure_contact', 'label_id', 'label_status', 'ok', 'problems'] as const;

export function retailCsvRow(r: RetailResult): (string | boolean | null)[] {
  return [r.identifier, r.matchedBy !== null, r.matchedBy, r.product, r.manufacturer, r.statement, r.supportUntil, r.supportRunning, r.disclosureContact, r.labelId, r.labelStatus, r.ok, r.problems.join('; ')];
}

interface ProductMatch {
  readonly matchedBy: 'label' | 'gtin' | 'model';
  readonly productId: string;
  readonly labelId?: string;
}

async function findProduct(ctx: RegistryContext, identifier: string): Promise<ProductMatch | undefined> {
  const label = await ctx.db.selectFrom('labels').select(['product_id', 'id']).where('id', '=', identifier).executeTakeFirst();
  if (label) return { matchedBy: 'label', productId: label.product_id, labelId: label.id };
  if (/^\d{8,14}$/.test(identifier)) {
    // A GTIN-13 printed as 13 digits is the same as the GTIN-14 with a leading zero.
    const padded = identifier.padStart(14, '0');
    const candidates = [...new Set([identifier, padded, padded.replace(/^0+/, '').padStart(13, '0'), padded.slice(-12)])];
    const byGtin = await ctx.db.selectFrom('products').select('id').where('gtin', 'in', candidates).orderBy('created_at').executeTakeFirst();
    if (byGtin) return { matchedBy: 'gtin', productId: byGtin.id };
  }
  const byModel = await ctx.db.selectFrom('products').select('id').where((eb) => eb(eb.fn('lower', ['model']), '=', identifier.toLowerCase())).orderBy('created_at').executeTakeFirst();
  return byModel ? { matchedBy: 'model', productId: byModel.id } : undefined;
}

// Retailers check the same catalogue again and again; an answer is reused for a couple of seconds, and dropped at
// once when a label, product or organisation changes in this process or another process writes to the SQLite file.
const RESULT_TTL_MS = 2000;
/** The events that drop every cached retail result; a cache built on retail results listens to the same ones. */
export const RETAIL_CACHE_EVENTS = ['label.changed', 'product.changed', 'org.changed', 'external.changed'] as const;
const results = new WeakMap<RegistryContext, Map<string, { result: RetailResult; at: number }>>();

function resultCache(ctx: RegistryContext): Map<string, { result: RetailResult; at: number }> {
  let cache = results.get(ctx);
  if (!cache) {
    const fresh = new Map<string, { result: RetailResult; at: number }>();
    for (const event of RETAIL_CACHE_EVENTS) ctx.events.on(event, () => fresh.clear());
    results.set(ctx, fresh);
    cache = fresh;
  }
  return cache;
}

/** Results, and the span of clock times (ms) in which every one of them would come from the cache unchanged. */
export interface TimedRetailCheck {
  readonly results: RetailResult[];
  /** The newest result's time: before it (the clock set back), one would be recomputed. */
  readonly validFrom: number;
  /** The oldest result's time plus the TTL: from then on, one would be recomputed. */
  readonly validUntil: number;
}

/** Checks each identifier (model, GTIN or label id) against the registry; unknown ones come back as not found. */
export async function retailCheck(ctx: RegistryContext, identifiers: readonly string[]): Promise<RetailResult[]> {
  return (await retailCheckTimed(ctx, identifiers)).results;
}

/** retailCheck, with how long its answer stays what retailCheck would answer (for a cache of serialised answers). */
export async function retailCheckTimed(ctx: RegistryContext, identifiers: readonly string[]): Promise<TimedRetailCheck> {
  const cache = resultCache(ctx);
  syncExternalChanges(ctx);
  const out: RetailResult[] = [];
  let oldest = Infinity;
  let newest = -Infinity;
  for (const raw of identifiers) {
    const identifier = raw.trim().slice(0, 128);
    const now = ctx.clock();
    const hit = cache.get(identifier);
    let at = now.getTime();
    if (hit && hit.at <= at && at - hit.at < RESULT_TTL_MS) {
      out.push(hit.result);
      at = hit.at;
    } else {
      const result = await checkOne(ctx, identifier, now);
      if (cache.size >= 10_000) cache.clear();
      cache.set(identifier, { result, at });
      out.push(result);
    }
    oldest = Math.min(oldest, at);
    newest = Math.max(newest, at);
  }
  return { results: out, validFrom: newest, validUntil: oldest + RESULT_TTL_MS };
}

async function checkOne(ctx: RegistryContext, identifier: string, now: Date): Promise<RetailResult> {
  const match = await findProduct(ctx, identifier);
  if (!match) {
    return { identifier, matchedBy: null, product: null, manufacturer: null, statement: false, statementUrl: null, supportUntil: null, supportRunning: false, disclosureContact: false, disclosureUrl: null, labelId: null, labelStatus: 'none', ok: false, problems: ['not on the registry'] };
  }
  return checkProduct(ctx, identifier, match, now);
}

async function checkProduct(ctx: RegistryContext, identifier: string, match: ProductMatch, now: Date): Promise<RetailResult> {
  const p = await ctx.db.selectFrom('products').innerJoin('orgs', 'orgs.id', 'products.org_id')
    .select(['products.id', 'products.brand', 'products.model', 'products.support_end', 'orgs.name', 'orgs.slug', 'orgs.security_email'])
    .where('products.id', '=', match.productId).executeTakeFirstOrThrow();
  let labelQuery = ctx.db.selectFrom('labels').innerJoin('assessments', 'assessments.id', 'labels.assessment_id')
    .select(['labels.id', 'labels.jws', 'assessments.artifacts', 'assessments.summary']).where('labels.product_id', '=', p.id);
  labelQuery = match.labelId ? labelQuery.where('labels.id', '=', match.labelId) : labelQuery.orderBy('labels.issued_at', 'desc').limit(10);
  // Asked by model or GTIN, the product passes when any of its recent labels is valid (a revoked re-issue does not
  // hide a good one); asked by label id, that label is what counts.
  const labels = await Promise.all((await labelQuery.execute()).map(async (l) => ({ ...l, status: (await verifiedStatus(ctx, l.jws)).status })));
  const label = labels.find((l) => l.status === 'valid') ?? labels[0];
  const labelStatus = label?.status ?? 'none';
  const artifacts = label?.artifacts ? JSON.parse(label.artifacts) as string[] : [];
  const statement = STATEMENT_FILES.some((s) => artifacts.includes(s.name));
  const supportRunning = p.support_end !== null && p.support_end >= day(now);
  const psti2 = label?.summary ? (JSON.parse(label.summary) as { psti2?: string }).psti2 : undefined;
  // A contact counts when the manufacturer published one (security e-mail on its record) or its assessment passed
  // PSTI para 2; the registry inbox alone does not make a policy.
  const disclosureContact = p.security_email !== null || psti2 === 'pass';
  const problems: string[] = [];
  if (!statement) problems.push('no statement of compliance');
  if (!supportRunning) problems.push(p.support_end ? `security updates ended on ${p.support_end}` : 'no support period declared');
  if (!disclosureContact) problems.push('no vulnerability disclosure contact');
  if (labelStatus !== 'valid') problems.push(labelStatus === 'none' ? 'no label' : `label ${labelStatus}`);
  return {
    identifier, matchedBy: match.matchedBy, product: `${p.brand} ${p.model}`, manufacturer: p.name,
    statement, statementUrl: statement && label ? `${ctx.publicUrl}/p/${label.id}/statement` : null,
    supportUntil: p.support_end, supportRunning, disclosureContact,
    disclosureUrl: disclosureContact ? `${ctx.publicUrl}/m/${p.slug}/report` : null,
    labelId: label?.id ?? null, labelStatus, ok: problems.length === 0, problems,
  };
}
