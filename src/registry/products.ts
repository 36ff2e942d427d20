import type { RegistryContext } from './context.js';
import { audit, type Actor } from './audit.js';
import type { Product } from './db/schema.js';
import { notFound, RegistryError } from './errors.js';
import { iso, newId } from './ids.js';

export interface ProductInput {
  readonly brand: string;
  readonly model: string;
  readonly type: string;
  readonly gtin?: string | null;
  /** Last day of the defined support period (YYYY-MM-DD). */
  readonly supportEnd?: string | null;
  readonly updatesAutomatic?: boolean | null;
}

export interface ProductView {
  readonly id: string;
  readonly orgId: string;
  readonly brand: string;
  readonly model: string;
  readonly type: string;
  readonly gtin: string | null;
  readonly supportEnd: string | null;
  readonly updatesAutomatic: boolean | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function productView(p: Product): ProductView {
  return {
    id: p.id, orgId: p.org_id, brand: p.brand, model: p.model, type: p.type, gtin: p.gtin, supportEnd: p.support_end,
    updatesAutomatic: p.updates_automatic === null ? null : Number(p.updates_automatic) === 1,
    createdAt: p.created_at, updatedAt: p.updated_at,
  };
}

/** GS1 check digit over GTIN-8/12/13/14: catches a mistyped digit before it reaches a retailer's check. */
export function validGtin(gtin: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(gtin)) return false;
  const digits = [...gtin].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

function checkInput(input: Partial<ProductInput>): void {
  if (input.gtin && !validGtin(input.gtin)) throw new RegistryError('ERR_VALIDATION', `gtin ${input.gtin}: not a GTIN-8/12/13/14 with a valid check digit`);
  if (input.supportEnd && Number.isNaN(Date.parse(`${input.supportEnd}T00:00:00Z`))) throw new RegistryError('ERR_VALIDATION', `supportEnd ${input.supportEnd}: not a date`);
}

export async function createProduct(ctx: RegistryContext, actor: Actor, orgId: string, input: ProductInput): Promise<ProductView> {
  checkInput(input);
  const now = iso(ctx.clock());
  const row: Product = {
    id: newId('prd'), org_id: orgId, brand: input.brand, model: input.model, type: input.type, gtin: input.gtin ?? null,
    support_end: input.supportEnd ?? null, updates_automatic: input.updatesAutomatic == null ? null : input.updatesAutomatic ? 1 : 0,
    created_at: now, updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('products').select('id').where('org_id', '=', orgId).where('model', '=', input.model).executeTakeFirst();
    if (taken) throw new RegistryError('ERR_CONFLICT', `model ${input.model} is already registered by this organisation`);
    await trx.insertInto('products').values(row).execute();
    await audit(trx, actor, ctx.clock(), { action: 'product.create', orgId, target: row.id, detail: { model: row.model } });
  });
  return productView(row);
}

export async function updateProduct(ctx: RegistryContext, actor: Actor, orgId: string, productId: string, patch: Partial<ProductInput>): Promise<ProductView> {
  checkInput(patch);
  await getProduct(ctx, orgId, productId);
  const set: Partial<Product> = { updated_at: iso(ctx.clock()) };
  if (patch.brand !== undefined) set.brand = patch.brand;
  if (patch.type !== undefined) set.type = patch.type;
  if (patch.gtin !== undefined) set.gtin = patch.gtin;
  if (patch.supportEnd !== undefined) set.support_end = patch.supportEnd;
  if (patch.updatesAutomatic !== undefined) set.updates_automatic = patch.updatesAutomatic === null ? null : patch.updatesAutomatic ? 1 : 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('products').set(set).where('id', '=', productId).execute();
    await audit(trx, actor, ctx.clock(), { action: 'product.update', orgId, target: productId, detail: { fields: Object.keys(set).sort() } });
  });
  ctx.events.emit('product.changed', { productId });
  return getProduct(ctx, orgId, productId);
}

export async function getProduct(ctx: RegistryContext, orgId: string, productId: string): Promise<ProductView> {
  const row = await ctx.db.selectFrom('products').selectAll().where('id', '=', productId).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('product');
  return productView(row);
}

export async function listProducts(ctx: RegistryContext, orgId: string): Promise<ProductView[]> {
  return (await ctx.db.selectFrom('products').selectAll().where('org_id', '=', orgId).orderBy('model').execute()).map(productView);
}

export interface FirmwareInput {
  readonly version: string;
  readonly released?: string | null;
  readonly sha256?: string | null;
}

export async function addFirmware(ctx: RegistryContext, actor: Actor, orgId: string, productId: string, input: FirmwareInput) {
  await getProduct(ctx, orgId, productId);
  const row = {
    id: newId('fw'), product_id: productId, version: input.version, released: input.released ?? null,
    sha256: input.sha256?.toLowerCase() ?? null, created_at: iso(ctx.clock()),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('firmware_versions').select('id').where('product_id', '=', productId).where('version', '=', input.version).executeTakeFirst();
    if (taken) throw new RegistryError('ERR_CONFLICT', `firmware ${input.version} is already registered for this product`);
    await trx.insertInto('firmware_versions').values(row).execute();
    await audit(trx, actor, ctx.clock(), { action: 'firmware.create', orgId, target: row.id, detail: { productId, version: input.version } });
  });
  return firmwareView(row);
}

export async function listFirmware(ctx: RegistryContext, productId: string) {
  return (await ctx.db.selectFrom('firmware_versions').selectAll().where('product_id', '=', productId).orderBy('created_at').execute()).map(firmwareView);
}

function firmwareView(r: { id: string; version: string; released: string | null; sha256: string | null; created_at: string }) {
  return { id: r.id, version: r.version, released: r.released, sha256: r.sha256, createdAt: r.created_at };
}
