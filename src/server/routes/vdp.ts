import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VdpStatus } from '../../registry/db/schema.js';
import { getOrgBySlug } from '../../registry/orgs.js';
import { exportCsaf } from '../../registry/vdp/csaf.js';
import { getReport, listReports, setAdvisory, updateReport, type AdvisoryInput } from '../../registry/vdp/inbox.js';
import { submitReport, type ReportInput } from '../../registry/vdp/intake.js';
import { reporterMessage, reporterView } from '../../registry/vdp/reporter.js';
import { VDP_STATES } from '../../registry/vdp/states.js';
import { authorize } from '../plugins/auth.js';
import { renderReportReceipt } from '../views/vdp-pages.js';
import { authErrors, bearer, errorSchema, orgParams, text, withId } from './schemas.js';

const isForm = (request: FastifyRequest): boolean => (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
const secretParams = { type: 'object', required: ['secret'], additionalProperties: false, properties: { secret: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } } } as const;

export function vdpRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.registry;
  const perMinute = app.serverOptions.rateLimits.reportsPerMinute;

  app.post<{ Params: { org: string }; Body: ReportInput }>('/api/v1/orgs/:org/vdp/reports', {
    config: { rateLimit: { max: perMinute, timeWindow: '1 minute' } },
    schema: {
      summary: 'Report a vulnerability (no account, no personal data needed; JSON or an HTML form)', tags: ['disclosure'], params: orgParams,
      body: { type: 'object', required: ['title', 'description'], additionalProperties: false, properties: { title: text(200, 3), description: text(20_000, 10), product: text(200, 0), contact: text(320, 0) } },
      response: { 201: { type: 'object', properties: { id: { type: 'string' }, statusUrl: { type: 'string' }, acknowledgeBy: { type: 'string' } } }, 400: errorSchema, 404: errorSchema, 413: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const receipt = await submitReport(ctx, request.params.org, request.body);
    if (isForm(request)) {
      const org = await getOrgBySlug(ctx, request.params.org);
      return reply.code(201).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderReportReceipt(receipt, org.name));
    }
    return reply.code(201).header('cache-control', 'no-store').send(receipt);
  });

  app.get<{ Params: { org: string }; Querystring: { status?: VdpStatus; overdue?: 'true' | 'false' } }>('/api/v1/orgs/:org/vdp/reports', {
    schema: { summary: 'The disclosure inbox, with the promised deadlines and overdue flags', tags: ['disclosure'], security: bearer, params: orgParams, response: authErrors,
      querystring: { type: 'object', additionalProperties: false, properties: { status: { enum: VDP_STATES }, overdue: { enum: ['true', 'false'] } } } },
  }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'vdp:read');
    const filter = { ...(request.query.status ? { status: request.query.status } : {}), ...(request.query.overdue === 'true' ? { overdue: true } : {}) };
    return { reports: await listReports(ctx, org.id, filter) };
  });

  app.get<{ Params: { org: string; reportId: string } }>('/api/v1/orgs/:org/vdp/reports/:reportId', {
    schema: { summary: 'A report with its conversation', tags: ['disclosure'], security: bearer, params: withId('reportId'), response: authErrors },
  }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'vdp:read');
    return getReport(ctx, org.id, request.params.reportId);
  });

  app.post<{ Params: { org: string; reportId: string }; Body: { status?: VdpStatus; message: string } }>('/api/v1/orgs/:org/vdp/reports/:reportId/updates', {
    schema: { summary: 'Move a report forward (acknowledged, triaged, fixed, published) and/or tell the reporter something', tags: ['disclosure'], security: bearer,
      params: withId('reportId'), response: { ...authErrors, 409: errorSchema },
      body: { type: 'object', required: ['message'], additionalProperties: false, properties: { status: { enum: VDP_STATES }, message: text(20_000) } } },
  }, async (request) => {
    const { org, principal } = await authorize(request, request.params.org, 'vdp:write');
    return updateReport(ctx, principal, org.id, request.params.reportId, request.body);
  });

  app.patch<{ Params: { org: string; reportId: string }; Body: AdvisoryInput }>('/api/v1/orgs/:org/vdp/reports/:reportId/advisory', {
    schema: { summary: 'Set what the advisory says: severity, CVE, CWE, fixed version, remediation', tags: ['disclosure'], security: bearer, params: withId('reportId'), response: authErrors,
      body: { type: 'object', additionalProperties: false, properties: {
        severity: { enum: ['low', 'medium', 'high', 'critical', null] }, cve: { type: ['string', 'null'], pattern: '^CVE-[0-9]{4}-[0-9]{4,}$' },
        cwe: { type: ['string', 'null'], pattern: '^CWE-[1-9][0-9]*$' }, fixedIn: { type: ['string', 'null'], minLength: 1, maxLength: 64 }, remediation: { type: ['string', 'null'], maxLength: 5000 },
      } } },
  }, async (request) => {
    const { org, principal } = await authorize(request, request.params.org, 'vdp:write');
    return setAdvisory(ctx, principal, org.id, request.params.reportId, request.body);
  });

  app.get<{ Params: { org: string; reportId: string } }>('/api/v1/orgs/:org/vdp/reports/:reportId/csaf', {
    schema: { summary: 'CSAF 2.0 advisory of a fixed report, validated before it is returned', tags: ['disclosure'], security: bearer, params: withId('reportId'), response: { ...authErrors, 409: errorSchema, 422: errorSchema } },
  }, async (request, reply) => {
    const { org } = await authorize(request, request.params.org, 'vdp:read');
    return reply.type('application/json; charset=utf-8').send(await exportCsaf(ctx, org.id, request.params.reportId));
  });

  app.get<{ Params: { secret: string } }>('/api/v1/vdp/status/:secret', {
    schema: { summary: 'The reporter\'s view of a report (the secret from the status URL)', tags: ['disclosure'], params: secretParams, response: { 404: errorSchema } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await reporterView(ctx, request.params.secret)));

  app.post<{ Params: { secret: string }; Body: { message: string } }>('/api/v1/vdp/status/:secret/messages', {
    config: { rateLimit: { max: perMinute, timeWindow: '1 minute' } },
    schema: { summary: 'The reporter adds information (JSON or the status page form)', tags: ['disclosure'], params: secretParams,
      body: { type: 'object', required: ['message'], additionalProperties: false, properties: { message: text(20_000) } }, response: { 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema } },
  }, async (request, reply: FastifyReply) => {
    const view = await reporterMessage(ctx, request.params.secret, request.body.message);
    if (isForm(request)) return reply.code(303).header('location', `/r/${request.params.secret}`).send();
    return reply.code(201).header('cache-control', 'no-store').send(view);
  });
  return Promise.resolve();
}
