import type { FastifyInstance } from 'fastify';
import { addFirmware, createProduct, getProduct, listFirmware, listProducts, updateProduct, type FirmwareInput, type ProductInput } from '../../registry/products.js';
import { authorize } from '../plugins/auth.js';
import { authErrors, bearer, orgParams, text, withId } from './schemas.js';

const productProps = {
  brand: text(100), model: text(100), type: text(200),
  gtin: { type: ['string', 'null'], pattern: '^[0-9]{8,14}$' },
  supportEnd: { type: ['string', 'null'], format: 'date' },
  updatesAutomatic: { type: ['boolean', 'null'] },
} as const;

export function productRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.registry;
  app.get<{ Params: { org: string } }>('/api/v1/orgs/:org/products', { schema: { summary: 'Products', tags: ['products'], security: bearer, params: orgParams, response: authErrors } }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    return { products: await listProducts(ctx, org.id) };
  });
  app.post<{ Params: { org: string }; Body: ProductInput }>('/api/v1/orgs/:org/products', {
    schema: { summary: 'Register a product', tags: ['products'], security: bearer, params: orgParams, response: authErrors,
      body: { type: 'object', required: ['brand', 'model', 'type'], additionalProperties: false, properties: productProps } },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'product:write');
    return reply.code(201).send(await createProduct(ctx, principal, org.id, request.body));
  });
  app.get<{ Params: { org: string; productId: string } }>('/api/v1/orgs/:org/products/:productId', {
    schema: { summary: 'A product with its firmware versions', tags: ['products'], security: bearer, params: withId('productId'), response: authErrors },
  }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    const product = await getProduct(ctx, org.id, request.params.productId);
    return { ...product, firmware: await listFirmware(ctx, product.id) };
  });
  app.patch<{ Params: { org: string; productId: string }; Body: Partial<ProductInput> }>('/api/v1/orgs/:org/products/:productId', {
    schema: { summary: 'Change a product', tags: ['products'], security: bearer, params: withId('productId'), response: authErrors,
      body: { type: 'object', additionalProperties: false, properties: { brand: productProps.brand, type: productProps.type, gtin: productProps.gtin, supportEnd: productProps.supportEnd, updatesAutomatic: productProps.updatesAutomatic } } },
  }, async (request) => {
    const { org, principal } = await authorize(request, request.params.org, 'product:write');
    return updateProduct(ctx, principal, org.id, request.params.productId, request.body);
  });
  app.post<{ Params: { org: string; productId: string }; Body: FirmwareInput }>('/api/v1/orgs/:org/products/:productId/firmware', {
    schema: { summary: 'Register a firmware version', tags: ['products'], security: bearer, params: withId('productId'), response: authErrors,
      body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: text(64), released: { type: ['string', 'null'], format: 'date' }, sha256: { type: ['string', 'null'], pattern: '^[0-9a-fA-F]{64}$' } } } },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'product:write');
    return reply.code(201).send(await addFirmware(ctx, principal, org.id, request.params.productId, request.body));
  });
  return Promise.resolve();
}
