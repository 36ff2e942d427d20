import type { OrgRole } from '../db/schema.js';
import { forbidden, RegistryError } from '../errors.js';
import type { Actor } from '../audit.js';
import { roleAllows, type Permission } from './roles.js';

/** An authenticated caller: a user (session or CLI) or a machine token, with its role per organisation. */
export interface Principal extends Actor {
  readonly kind: 'user' | 'token';
  readonly registryAdmin: boolean;
  /** Organisation id -> role. */
  readonly roles: ReadonlyMap<string, OrgRole>;
  /** Set when authenticated by a session cookie: unsafe requests must carry this CSRF token. */
  readonly csrf?: string;
  readonly userId?: string;
}

/** Throws 401 without a principal, 403 when the role in this organisation lacks the permission. */
export function requirePermission(principal: Principal | undefined, orgId: string, permission: Permission): Principal {
  if (!principal) throw new RegistryError('ERR_UNAUTHENTICATED', 'authentication required: send a bearer token or sign in');
  if (principal.registryAdmin) return principal;
  const role = principal.roles.get(orgId);
  if (!role || !roleAllows(role, permission)) throw forbidden(`your role${role ? ` (${role})` : ''} in this organisation does not allow ${permission}`);
  return principal;
}

export function requireRegistryAdmin(principal: Principal | undefined): Principal {
  if (!principal) throw new RegistryError('ERR_UNAUTHENTICATED', 'authentication required: send a bearer token or sign in');
  if (!principal.registryAdmin) throw forbidden('only a registry administrator can do this');
  return principal;
}

export function requireAuthenticated(principal: Principal | undefined): Principal {
  if (!principal) throw new RegistryError('ERR_UNAUTHENTICATED', 'authentication required: send a bearer token or sign in');
  return principal;
}
