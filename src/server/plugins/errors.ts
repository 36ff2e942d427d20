import type { FastifyError, FastifyInstance } from 'fastify';
import { isIotcopError } from '../../model/index.js';
import { RegistryError, type HttpErrorCode } from '../../registry/errors.js';

function send(status: number, code: HttpErrorCode, message: string) {
  return { status, body: { error: { code, message } } };
}

/** Maps what routes and plugins throw to `{ error: { code, message } }` with the right status. Internal details stay in the log. */
export function classifyError(error: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (error instanceof RegistryError) return send(error.status, error.code, error.message);
  if (isIotcopError(error)) return send(422, 'ERR_UNPROCESSABLE', error.message);
  const e = error as Partial<FastifyError> & { statusCode?: number };
  if (e.validation) return send(400, 'ERR_VALIDATION', e.message ?? 'invalid request');
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return send(413, 'ERR_PAYLOAD_TOO_LARGE', e.message ?? 'request too large');
  if (status === 415) return send(415, 'ERR_UNSUPPORTED_MEDIA', e.message ?? 'unsupported content type');
  if (status === 429) return send(429, 'ERR_RATE_LIMITED', e.message ?? 'too many requests, try again later');
  if (status === 406) return send(406, 'ERR_VALIDATION', e.message ?? 'not acceptable');
  if (status >= 400 && status < 500) return send(status, status === 404 ? 'ERR_NOT_FOUND' : 'ERR_VALIDATION', e.message ?? 'bad request');
  return send(500, 'ERR_INTERNAL', 'internal error; the server log has the details');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = classifyError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request rejected');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    return reply.code(404).send({ error: { code: 'ERR_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}` } });
  });
}
