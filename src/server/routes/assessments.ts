import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RENDERERS } from '../../report/index.js';
import { assessmentDir, createAssessment, getAssessment, getAssessmentRow, listAssessments } from '../../registry/assessments/service.js';
import type { UploadPart } from '../../registry/assessments/upload.js';
import { notFound, RegistryError } from '../../registry/errors.js';
import { authorize } from '../plugins/auth.js';
import { authErrors, bearer, errorSchema, orgParams, withId } from './schemas.js';

async function* uploadParts(request: FastifyRequest): AsyncGenerator<UploadPart> {
  for await (const part of request.parts()) {
    if (part.type === 'file') yield { kind: 'file', field: part.fieldname, filename: part.filename, stream: part.file };
    else yield { kind: 'field', field: part.fieldname, value: String(part.value) };
  }
}

const MEDIA: Record<string, string> = Object.fromEntries<string>([
  ...RENDERERS.map((r): [string, string] => [r.fileName, r.mediaType]),
  ['statement.pdf', 'application/pdf'], ['statement.html', 'text/html; charset=utf-8'],
]);

export function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.registry;
  app.post<{ Params: { org: string; productId: string } }>('/api/v1/orgs/:org/products/:productId/assessments', {
    schema: {
      summary: 'Upload an assessment: multipart with the file "manifest" (iotcop.yaml) and any number of "files" (firmware images, evidence) named by the paths the manifest uses',
      tags: ['assessments'], security: bearer, params: withId('productId'), consumes: ['multipart/form-data'],
      response: { ...authErrors, 413: errorSchema, 415: errorSchema },
    },
  }, async (request, reply) => {
    const { org, principal } = await authorize(request, request.params.org, 'assessment:write');
    if (!request.isMultipart()) throw new RegistryError('ERR_UNSUPPORTED_MEDIA', 'send the upload as multipart/form-data');
    const view = await createAssessment(ctx, principal, org.id, request.params.productId, uploadParts(request));
    return reply.code(202).header('location', `/api/v1/orgs/${org.slug}/assessments/${view.id}`).send(view);
  });
  app.get<{ Params: { org: string }; Querystring: { product?: string } }>('/api/v1/orgs/:org/assessments', {
    schema: { summary: 'Assessments, newest first', tags: ['assessments'], security: bearer, params: orgParams, response: authErrors,
      querystring: { type: 'object', additionalProperties: false, properties: { product: { type: 'string', maxLength: 64 } } } },
  }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    return { assessments: await listAssessments(ctx, org.id, request.query.product) };
  });
  app.get<{ Params: { org: string; assessmentId: string } }>('/api/v1/orgs/:org/assessments/:assessmentId', {
    schema: { summary: 'An assessment: status, verdict summary, artifacts', tags: ['assessments'], security: bearer, params: withId('assessmentId'), response: authErrors },
  }, async (request) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    return getAssessment(ctx, org.id, request.params.assessmentId);
  });
  app.get<{ Params: { org: string; assessmentId: string } }>('/api/v1/orgs/:org/assessments/:assessmentId/report', {
    schema: { summary: 'The JSON report of a finished assessment', tags: ['assessments'], security: bearer, params: withId('assessmentId'), response: authErrors },
  }, async (request, reply) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    const row = await getAssessmentRow(ctx, org.id, request.params.assessmentId);
    if (!row.report) throw new RegistryError('ERR_STATE', `the assessment is ${row.status}; its report is not there yet`);
    return reply.type('application/json; charset=utf-8').send(row.report);
  });
  app.get<{ Params: { org: string; assessmentId: string; name: string } }>('/api/v1/orgs/:org/assessments/:assessmentId/artifacts/:name', {
    schema: { summary: 'A rendered report or the statement (report.html, report.sarif, statement.pdf...)', tags: ['assessments'], security: bearer, response: authErrors,
      params: { ...withId('assessmentId'), required: ['org', 'assessmentId', 'name'], properties: { ...withId('assessmentId').properties, name: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{0,63}$' } } } },
  }, async (request, reply) => {
    const { org } = await authorize(request, request.params.org, 'org:read');
    const view = await getAssessment(ctx, org.id, request.params.assessmentId);
    const name = request.params.name;
    if (!view.artifacts.includes(name)) throw notFound(`artifact ${name}`);
    return reply.type(MEDIA[name] ?? 'application/octet-stream').header('content-disposition', `attachment; filename="${name}"`)
      .send(createReadStream(join(assessmentDir(ctx, view.id), 'reports', name)));
  });
  return Promise.resolve();
}
