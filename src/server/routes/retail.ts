import type { FastifyInstance } from 'fastify';
import { RegistryError } from '../../registry/errors.js';
import { retailCheck } from '../../registry/retail/check.js';
import { identifiersFromCsv } from '../../registry/retail/csv.js';
import { retailAnswer, wantsCsv } from '../retail-answer.js';
import { errorSchema } from './schemas.js';

export function retailRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.registry;
  const max = ctx.limits.retailRows;
  app.post<{ Body: { identifiers: string[] } | string; Querystring: { format?: 'json' | 'csv' } }>('/api/v1/retail/check', {
    config: {
      rateLimit: {
        max: app.serverOptions.rateLimits.retailPerMinute, timeWindow: '1 minute',
        // Retailers with a token check whole catalogues; only anonymous callers are limited.
        allowList: (request) => request.principal !== undefined,
      },
    },
    schema: {
      summary: 'Before selling: for each model, GTIN or label id, is there a statement of compliance, a running support period, a disclosure contact and a valid label? JSON or CSV in, JSON or CSV out (?format=csv or Accept: text/csv)',
      tags: ['retail'],
      querystring: { type: 'object', additionalProperties: false, properties: { format: { enum: ['json', 'csv'] } } },
      body: {
        content: {
          'application/json': { schema: { type: 'object', required: ['identifiers'], additionalProperties: false, properties: { identifiers: { type: 'array', minItems: 1, maxItems: max, items: { type: 'string', minLength: 1, maxLength: 128 } } } } },
          'text/csv': { schema: { type: 'string', maxLength: 4 * 1024 * 1024 } },
        },
      },
      response: { 400: errorSchema, 413: errorSchema, 415: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const body = request.body;
    const identifiers = typeof body === 'string' ? identifiersFromCsv(body, max) : body.identifiers;
    if (identifiers.length === 0) throw new RegistryError('ERR_VALIDATION', 'no product identifiers in the request');
    const results = await retailCheck(ctx, identifiers);
    // The fast path in front of Fastify (retail-fast-path.ts) answers most token holders' checks with the same bytes.
    const answer = retailAnswer(results, wantsCsv(request.query.format, request.headers.accept));
    return reply.type(answer.type).send(answer.body);
  });
  return Promise.resolve();
}
