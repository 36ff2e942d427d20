import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { verifyLabel } from '../../label/index.js';
import { trustedKeys } from '../../registry/labels/keys.js';
import { getOrgBySlug } from '../../registry/orgs.js';
import { productPage, statementFile, type ProductPageModel } from '../../registry/public/product-page.js';
import { orgSecurityTxt, registrySecurityTxt } from '../../registry/public/security-txt.js';
import { reporterView } from '../../registry/vdp/reporter.js';
import { renderProductPage } from '../views/product-page.js';
import { renderReporterStatus, renderReportForm } from '../views/vdp-pages.js';
import { errorSchema, labelIdPattern, orgParams } from './schemas.js';

const labelParams = { type: 'object', required: ['labelId'], additionalProperties: false, properties: { labelId: { type: 'string', pattern: labelIdPattern } } } as const;

function wantsJson(request: FastifyRequest<{ Querystring: { format?: string } }>): boolean {
  if (request.query.format) return request.query.format === 'json';
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function jsonModel(m: ProductPageModel): string {
  const { ids: _ids, ...rest } = m;
  return JSON.stringify(rest);
}

/** A scanned label (`?s=<jws>`) that is not the registry's own record for this id gets a warning on the page. */
async function scannedWarning(app: FastifyInstance, labelId: string, jws: string, stored: string): Promise<string | undefined> {
  if (jws === stored) return undefined;
  const v = await verifyLabel(jws, await trustedKeys(app.registry), { now: app.registry.clock() });
  if (v.status === 'tampered' || v.status === 'unknown-key') return `The label you scanned could not be verified (${v.reason}). Trust only what this page says.`;
  if (v.payload?.lid !== labelId) return 'The label you scanned is for a different label id than this page.';
  return 'The label you scanned differs from the registry\'s record; this page shows the registry\'s record.';
}

export function publicRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.registry;

  app.get<{ Params: { labelId: string }; Querystring: { format?: 'html' | 'json'; s?: string } }>('/p/:labelId', {
    schema: {
      summary: 'The product page a label\'s QR code opens (HTML; JSON with Accept: application/json or ?format=json, including the signed payload)', tags: ['public'],
      params: labelParams,
      querystring: { type: 'object', additionalProperties: false, properties: { format: { enum: ['html', 'json'] }, s: { type: 'string', maxLength: 4096, pattern: '^[A-Za-z0-9_.-]*$' } } },
      response: { 404: errorSchema },
    },
  }, async (request, reply) => {
    const { labelId } = request.params;
    const json = wantsJson(request);
    reply.header('vary', 'accept').header('cache-control', 'public, max-age=60');
    const cached = request.query.s ? undefined : app.pages.get(labelId);
    if (cached) return reply.type(json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8').send(json ? cached.json : cached.html);
    const model = await productPage(ctx, labelId);
    if (json) {
      if (!request.query.s) app.pages.set(labelId, { html: renderProductPage(model), json: jsonModel(model) }, { expiresAt: model.label.expiresAt, ...model.ids });
      return reply.type('application/json; charset=utf-8').send(jsonModel(model));
    }
    const warning = request.query.s ? await scannedWarning(app, labelId, request.query.s, model.signed.jws) : undefined;
    const page = renderProductPage(model, warning);
    if (!request.query.s) app.pages.set(labelId, { html: page, json: jsonModel(model) }, { expiresAt: model.label.expiresAt, ...model.ids });
    return reply.type('text/html; charset=utf-8').send(page);
  });

  app.get<{ Params: { labelId: string } }>('/p/:labelId/statement', {
    schema: { summary: 'Download the statement of compliance', tags: ['public'], params: labelParams, response: { 404: errorSchema } },
  }, async (request, reply) => {
    const file = await statementFile(ctx, request.params.labelId);
    return reply.type(file.mediaType).header('content-disposition', `attachment; filename="${request.params.labelId}-${file.name}"`).send(createReadStream(file.path));
  });

  const securityTxt = (reply: FastifyReply, body: string) => reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
  app.get('/.well-known/security.txt', { schema: { summary: 'security.txt (RFC 9116) of the registry itself', tags: ['public'] } }, async (_request, reply) => {
    return securityTxt(reply, registrySecurityTxt(ctx, app.serverOptions.registryContact));
  });
  app.get<{ Params: { org: string } }>('/m/:org/security.txt', {
    schema: { summary: 'security.txt (RFC 9116) of an organisation on this registry', tags: ['public'], params: orgParams, response: { 404: errorSchema } },
  }, async (request, reply) => securityTxt(reply, orgSecurityTxt(ctx, await getOrgBySlug(ctx, request.params.org))));

  app.get<{ Params: { org: string } }>('/m/:org/report', {
    schema: { summary: 'The disclosure form (HTML, no JavaScript)', tags: ['public'], params: orgParams, response: { 404: errorSchema } },
  }, async (request, reply) => {
    const org = await getOrgBySlug(ctx, request.params.org);
    return reply.type('text/html; charset=utf-8').send(renderReportForm(org, `/api/v1/orgs/${org.slug}/vdp/reports`));
  });

  app.get<{ Params: { secret: string } }>('/r/:secret', {
    schema: { hide: true, params: { type: 'object', required: ['secret'], properties: { secret: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } } } },
  }, async (request, reply) => {
    const view = await reporterView(ctx, request.params.secret);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex')
      .send(renderReporterStatus(view, `/api/v1/vdp/status/${request.params.secret}/messages`));
  });
  return Promise.resolve();
}
