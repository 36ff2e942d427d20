import type { FastifyInstance } from 'fastify';
import { publicJwks } from '../../registry/labels/keys.js';
import { signedRevocationList } from '../../registry/labels/revocations.js';
import { getLabel, issueLabel, listLabels, revokeLabel } from '../../registry/labels/service.js';
import { authorize } from '../plugins/auth.js';
import { authErrors, bearer, errorSchema, labelIdPattern, orgParams, text, withId } from './schemas.js';

export function labelRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.registry;
  app.post<{ Params: { org: string; assessmentId: string } }>('/api/v1/orgs/:org/assessments/:assessmentId/label', {
    schema: { summary: 'Issue a signed consumer security label from a finished assessment', tags: ['labels'], security: bearer, params: withId('assessmentId'), response: { ...authErrors, 409: errorSchema } },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'label:write');
    const label = await issueLabel(ctx, principal, org.id, request.params.assessmentId);
    return reply.code(201).header('location', label.url).send(label);
  });
  app.get<{ Params: { org: string } }>('/api/v1/orgs/:org/labels', { schema: { summary: 'Labels of the organisation', tags: ['labels'], security: bearer, params: orgParams, response: authErrors } }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    return { labels: await listLabels(ctx, org.id) };
  });
  app.get<{ Params: { org: string; labelId: string } }>('/api/v1/orgs/:org/labels/:labelId', {
    schema: { summary: 'A label with its JWS', tags: ['labels'], security: bearer, params: withId('labelId', labelIdPattern), response: authErrors },
  }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    return getLabel(ctx, org.id, request.params.labelId);
  });
  app.post<{ Params: { org: string; labelId: string }; Body: { reason: string } }>('/api/v1/orgs/:org/labels/:labelId/revoke', {
    schema: { summary: 'Revoke a label; it goes on the public revocation list and its page says so', tags: ['labels'], security: bearer,
      params: withId('labelId', labelIdPattern), response: { ...authErrors, 409: errorSchema },
      body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: text(500) } } },
  }, async (request) => {
    const { org, principal } = await authorize(request, request.params.org, 'label:write');
    return revokeLabel(ctx, principal, org.id, request.params.labelId, request.body.reason);
  });
  app.get('/api/v1/revocations', { schema: { summary: 'The public revocation list: as JSON, and signed (JWS) for offline checks', tags: ['labels'] } }, async (_request, reply) => {
    const { list, jws } = await signedRevocationList(ctx);
    return reply.header('cache-control', 'public, max-age=60').send({ ...list, jws });
  });
  app.get('/.well-known/iotcop-label-keys.json', { schema: { summary: 'Public keys that sign this registry\'s labels (JWK set)', tags: ['labels'] } }, async (_request, reply) => {
    return reply.header('cache-control', 'public, max-age=3600').send(await publicJwks(ctx));
  });
  return Promise.resolve();
}
