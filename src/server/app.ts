import { createServer } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PageCache } from '../registry/public/page-cache.js';
import { publicPageFastPath } from './fast-path.js';
import type { CachedPage } from './page-response.js';
import { retailFastPath } from './retail-fast-path.js';
import { registerAuth, SESSION_COOKIE } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { assessmentRoutes } from './routes/assessments.js';
import { labelRoutes } from './routes/labels.js';
import { orgRoutes } from './routes/orgs.js';
import { productRoutes } from './routes/products.js';
import { publicRoutes } from './routes/public.js';
import { retailRoutes } from './routes/retail.js';
import { sessionRoutes } from './routes/session.js';
import { systemRoutes } from './routes/system.js';
import { vdpRoutes } from './routes/vdp.js';
import { DEFAULT_RATE_LIMITS, type ServerOptions } from './types.js';

/** Builds the registry server (not listening): plugins, hooks, every route. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { ctx } = options;
  const logger = options.logger === false || options.logger === undefined ? false : {
    level: (typeof options.logger === 'object' && options.logger.level) || 'info',
    // Never log credentials: tokens, cookies, passwords.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'], censor: '[redacted]' },
  };
  // Cached label pages (fast-path.ts) and token holders' retailer checks (retail-fast-path.ts) are answered before
  // Fastify sees the request. app.inject bypasses the server, so tests of the routes always run the route itself,
  // and the retail fast path replays a body it does not take into Fastify through it.
  const fast = publicPageFastPath(() => app.pages);
  const retail = retailFastPath(ctx, (req, body) => app.inject({
    method: 'POST', url: req.url ?? '/', headers: req.headers, payload: body,
    ...(req.socket.remoteAddress !== undefined ? { remoteAddress: req.socket.remoteAddress } : {}),
  }));
  const serverFactory: FastifyServerOptions['serverFactory'] = (handler) => {
    const server = createServer((req, res) => { if (!fast.handle(req, res, handler) && !retail.handle(req, res, handler)) handler(req, res); });
    // Fastify's defaults for a server it makes itself (keepAliveTimeout 72 s, no request or connection timeout).
    server.keepAliveTimeout = 72_000;
    server.requestTimeout = 0;
    server.setTimeout(0);
    return server;
  };
  const app = Fastify({
    logger, serverFactory,
    bodyLimit: ctx.limits.bodyBytes,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    // Reject what the schema does not allow instead of quietly dropping or converting it.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  app.addHook('preClose', (done) => { fast.stop(); retail.stop(); done(); });
  app.decorate('registry', ctx);
  app.decorate('publicFastPath', fast);
  app.decorate('retailFastPath', retail);
  // On SQLite every change, by any process, reaches the cache (changes.ts), so a page is kept until its label expires
  // or ten minutes pass; on PostgreSQL a change made by another server process shows after at most 5 s.
  app.decorate('pages', new PageCache<CachedPage>(ctx, ctx.handle.dialect === 'sqlite' ? 600_000 : 5000));
  app.decorate('serverOptions', {
    cookieSecure: options.cookieSecure ?? true,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    webhooks: options.webhooks ?? {},
    registryContact: options.registryContact,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'iotcop registry', version: ctx.version, description: 'Products, assessments, consumer security labels, retailer checks and vulnerability disclosure.' },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (iotcop_...) from `iotcop admin create-token`.' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Browser session from POST /api/v1/session; unsafe requests also need the x-csrf-token header.' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: ctx.limits.bodyBytes });
  await app.register(multipart, {
    // Keep `evidence/policy.md` as sent: manifests name files by relative path. safeUploadPath vets every name.
    preservePath: true,
    limits: { fileSize: ctx.limits.uploadFileBytes, files: ctx.limits.uploadFiles, fields: 0, parts: ctx.limits.uploadFiles, fieldSize: 1024, headerPairs: 100 },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({ statusCode: 429, code: 'ERR_RATE_LIMITED', message: `too many requests: at most ${context.max} per ${context.after}` }),
  });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerAuth(app);

  await app.register(systemRoutes);
  await app.register(sessionRoutes);
  await app.register(orgRoutes);
  await app.register(productRoutes);
  await app.register(assessmentRoutes);
  await app.register(labelRoutes);
  await app.register(vdpRoutes);
  await app.register(retailRoutes);
  await app.register(publicRoutes);
  return app;
}
