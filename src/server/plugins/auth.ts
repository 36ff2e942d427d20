import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../registry/auth/roles.js';
import { requirePermission, requireRegistryAdmin, type Principal } from '../../registry/auth/principal.js';
import { principalForSession } from '../../registry/auth/sessions.js';
import { principalForToken } from '../../registry/auth/tokens.js';
import { RegistryError } from '../../registry/errors.js';
import { getOrgBySlug, type OrgView } from '../../registry/orgs.js';

export const SESSION_COOKIE = 'iotcop_session';
export const CSRF_COOKIE = 'iotcop_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authenticates API requests: `Authorization: Bearer iotcop_...` for machines, the session cookie for browsers.
 * A cookie-authenticated unsafe request must echo the CSRF token (double submit); otherwise a forged cross-site
 * form could act with the user's session. Public pages skip the lookups.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('csrfFailed', false);
  // A callback hook so that public pages (most of the traffic) pay no promise for a check that does not apply.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) {
      done();
      return;
    }
    authenticate(app, request).then(() => done(), done);
  });
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** The token of an `Authorization: Bearer <token>` header, or undefined when the header has another form. */
export function bearerToken(header: string): string | undefined {
  return BEARER.exec(header)?.[1];
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = bearerToken(header);
    const principal = token !== undefined ? await principalForToken(app.registry, token) : undefined;
    if (!principal) throw new RegistryError('ERR_UNAUTHENTICATED', 'the bearer token is malformed, unknown or revoked');
    request.principal = principal;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const principal = await principalForSession(app.registry, cookie);
  if (!principal) return;
  if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== principal.csrf) {
    request.csrfFailed = true;
    return;
  }
  request.principal = principal;
}

function caller(request: FastifyRequest): Principal | undefined {
  if (request.csrfFailed) throw new RegistryError('ERR_CSRF', `send the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie`);
  return request.principal;
}

/** 401 unauthenticated, 404 unknown organisation, 403 role lacks the permission; else the organisation and caller. */
export async function authorize(request: FastifyRequest, slug: string, permission: Permission): Promise<{ org: OrgView; principal: Principal }> {
  const who = caller(request);
  if (!who) throw new RegistryError('ERR_UNAUTHENTICATED', 'authentication required: send a bearer token or sign in');
  const org = await getOrgBySlug(request.server.registry, slug);
  return { org, principal: requirePermission(who, org.id, permission) };
}

export function authorizeAdmin(request: FastifyRequest): Principal {
  return requireRegistryAdmin(caller(request));
}

export function authenticated(request: FastifyRequest): Principal {
  const who = caller(request);
  if (!who) throw new RegistryError('ERR_UNAUTHENTICATED', 'authentication required: send a bearer token or sign in');
  return who;
}
