import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../registry/audit.js';
import { ORG_ROLES } from '../../registry/auth/roles.js';
import { createToken, listTokens, revokeToken } from '../../registry/auth/tokens.js';
import type { OrgKind, OrgRole } from '../../registry/db/schema.js';
import { createOrg, SLUG_PATTERN, updateOrg, type OrgPatch } from '../../registry/orgs.js';
import { listMembers, setMembership } from '../../registry/users.js';
import { createWebhook, deleteWebhook, listWebhooks, WEBHOOK_EVENTS } from '../../registry/webhooks.js';
import { authorize, authorizeAdmin } from '../plugins/auth.js';
import { authErrors, bearer, orgParams, text, withId } from './schemas.js';

const orgBody = {
  type: 'object', additionalProperties: false,
  properties: {
    name: text(200), address: text(500), website: { type: ['string', 'null'], format: 'uri', maxLength: 500 },
    securityEmail: { type: ['string', 'null'], format: 'email', maxLength: 320 },
    ackDays: { type: 'integer', minimum: 1, maximum: 90 }, updateDays: { type: 'integer', minimum: 1, maximum: 180 },
  },
} as const;

interface OrgCreateBody extends OrgPatch { slug: string; kind: OrgKind; name: string; address: string }

export function orgRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.registry;
  app.post<{ Body: OrgCreateBody }>('/api/v1/orgs', {
    schema: {
      summary: 'Create an organisation (registry administrators)', tags: ['organisations'], security: bearer,
      body: { ...orgBody, required: ['slug', 'kind', 'name', 'address'], properties: { ...orgBody.properties, slug: { type: 'string', pattern: SLUG_PATTERN }, kind: { enum: ['manufacturer', 'retailer', 'lab'] } } },
      response: authErrors,
    },
  }, async (request, reply) => {
    const who = authorizeAdmin(request);
    return reply.code(201).send(await createOrg(ctx, who, request.body));
  });

  app.get<{ Params: { org: string } }>('/api/v1/orgs/:org', { schema: { summary: 'An organisation', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors } }, async (request) => {
    return (await authorize(request, request.params.org, 'org:read')).org;
  });

  app.patch<{ Params: { org: string }; Body: OrgPatch }>('/api/v1/orgs/:org', {
    schema: { summary: 'Change an organisation (disclosure promises, contact)', tags: ['organisations'], security: bearer, params: orgParams, body: orgBody, response: authErrors },
  }, async (request) => {
    const { org, principal } = await authorize(request, request.params.org, 'org:manage');
    return updateOrg(ctx, principal, org.id, request.body);
  });

  app.get<{ Params: { org: string } }>('/api/v1/orgs/:org/members', { schema: { summary: 'Members and their roles', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors } }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:manage');
    return { members: await listMembers(ctx, org.id) };
  });

  app.put<{ Params: { org: string }; Body: { email: string; role: OrgRole } }>('/api/v1/orgs/:org/members', {
    schema: { summary: 'Add a user to the organisation or change their role', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors,
      body: { type: 'object', required: ['email', 'role'], additionalProperties: false, properties: { email: text(320), role: { enum: ORG_ROLES } } } },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'org:manage');
    await setMembership(ctx, principal, org.id, request.body.email, request.body.role);
    return reply.code(204).send();
  });

  app.get<{ Params: { org: string } }>('/api/v1/orgs/:org/tokens', { schema: { summary: 'API tokens (never their values)', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors } }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:manage');
    return { tokens: await listTokens(ctx, org.id) };
  });

  app.post<{ Params: { org: string }; Body: { name: string; role: OrgRole } }>('/api/v1/orgs/:org/tokens', {
    schema: { summary: 'Create an API token for a machine (shown once)', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors,
      body: { type: 'object', required: ['name', 'role'], additionalProperties: false, properties: { name: text(100), role: { enum: ORG_ROLES } } } },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'org:manage');
    return reply.code(201).send(await createToken(ctx, principal, { orgId: org.id, role: request.body.role, name: request.body.name }));
  });

  app.delete<{ Params: { org: string; tokenId: string } }>('/api/v1/orgs/:org/tokens/:tokenId', {
    schema: { summary: 'Revoke an API token', tags: ['organisations'], security: bearer, params: withId('tokenId'), response: authErrors },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'org:manage');
    await revokeToken(ctx, principal, org.id, request.params.tokenId);
    return reply.code(204).send();
  });

  app.get<{ Params: { org: string } }>('/api/v1/orgs/:org/audit', { schema: { summary: 'The audit log of every write', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors } }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:manage');
    return { entries: await listAudit(ctx.db, org.id) };
  });

  app.get<{ Params: { org: string } }>('/api/v1/orgs/:org/webhooks', { schema: { summary: 'Outgoing webhooks', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors } }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:manage');
    return { webhooks: await listWebhooks(ctx, org.id) };
  });

  app.post<{ Params: { org: string }; Body: { url: string; events: string[] } }>('/api/v1/orgs/:org/webhooks', {
    schema: { summary: 'Add a webhook; deliveries are signed with HMAC-SHA256 using the returned secret', tags: ['organisations'], security: bearer, params: orgParams, response: authErrors,
      body: { type: 'object', required: ['url', 'events'], additionalProperties: false, properties: { url: { type: 'string', maxLength: 2000 }, events: { type: 'array', minItems: 1, maxItems: 10, uniqueItems: true, items: { enum: [...WEBHOOK_EVENTS, '*'] } } } } },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'org:manage');
    return reply.code(201).send(await createWebhook(ctx, principal, org.id, request.body, app.serverOptions.webhooks));
  });

  app.delete<{ Params: { org: string; webhookId: string } }>('/api/v1/orgs/:org/webhooks/:webhookId', {
    schema: { summary: 'Remove a webhook', tags: ['organisations'], security: bearer, params: withId('webhookId'), response: authErrors },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'org:manage');
    await deleteWebhook(ctx, principal, org.id, request.params.webhookId);
    return reply.code(204).send();
  });
  return Promise.resolve();
}
