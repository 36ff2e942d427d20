import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { errorSchema } from './schemas.js';
import { SITE_CSS } from '../views/site-css.js';

export function systemRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', {
    schema: { summary: 'Liveness and database reachability', tags: ['system'], response: { 200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } }, 503: errorSchema } },
  }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(app.registry.db);
      return { status: 'ok', database: app.registry.handle.dialect };
    } catch {
      return reply.code(503).send({ error: { code: 'ERR_UNAVAILABLE', message: 'the database does not answer' } });
    }
  });
  app.get('/assets/site.css', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(SITE_CSS);
  });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  return Promise.resolve();
}
