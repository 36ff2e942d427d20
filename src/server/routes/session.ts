import type { FastifyInstance } from 'fastify';
import { login, logout, SESSION_DAYS } from '../../registry/auth/sessions.js';
import { authenticated, CSRF_COOKIE, SESSION_COOKIE } from '../plugins/auth.js';
import { errorSchema, text } from './schemas.js';

export function sessionRoutes(app: FastifyInstance): Promise<void> {
  const secure = app.serverOptions.cookieSecure;
  app.post<{ Body: { email: string; password: string } }>('/api/v1/session', {
    config: { rateLimit: { max: app.serverOptions.rateLimits.loginPerMinute, timeWindow: '1 minute' } },
    schema: {
      summary: 'Sign in (browser session)', tags: ['auth'],
      body: { type: 'object', required: ['email', 'password'], additionalProperties: false, properties: { email: text(320), password: text(1024) } },
      response: { 200: { type: 'object', properties: { csrfToken: { type: 'string' }, expiresAt: { type: 'string' } } }, 401: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const session = await login(app.registry, request.body.email, request.body.password);
    const maxAge = SESSION_DAYS * 86_400;
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge });
    // Readable by the page's own script so it can echo it in x-csrf-token; useless to another site.
    reply.setCookie(CSRF_COOKIE, session.csrf, { httpOnly: false, secure, sameSite: 'strict', path: '/', maxAge });
    return { csrfToken: session.csrf, expiresAt: session.expiresAt.toISOString() };
  });
  app.delete('/api/v1/session', { schema: { summary: 'Sign out', tags: ['auth'], response: { 204: { type: 'null' } } } }, async (request, reply) => {
    authenticated(request);
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(app.registry, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  app.get('/api/v1/me', { schema: { summary: 'Who am I', tags: ['auth'], security: [{ bearerAuth: [] }, { sessionCookie: [] }], response: { 401: errorSchema } } }, (request) => {
    const who = authenticated(request);
    return { id: who.id, kind: who.kind, registryAdmin: who.registryAdmin, roles: Object.fromEntries(who.roles) };
  });
  return Promise.resolve();
}
