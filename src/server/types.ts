import type {} from '@fastify/cookie';
import type { Principal } from '../registry/auth/principal.js';
import type { RegistryContext } from '../registry/context.js';
import type { PageCache } from '../registry/public/page-cache.js';
import type { FastPath } from './fast-path.js';
import type { CachedPage } from './page-response.js';
import type { RetailFastPath } from './retail-fast-path.js';
import type { WebhookOptions } from '../registry/webhooks.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, if any (bearer token or session cookie). */
    principal: Principal | undefined;
    /** A session cookie came with an unsafe request whose CSRF token did not match. */
    csrfFailed: boolean;
  }
  interface FastifyInstance {
    registry: RegistryContext;
    pages: PageCache<CachedPage>;
    /** Answers requests for cached label pages before Fastify routes them. */
    publicFastPath: FastPath;
    /** Answers token holders' JSON retailer checks before Fastify routes them. */
    retailFastPath: RetailFastPath;
    serverOptions: ResolvedServerOptions;
  }
}

export interface RateLimits {
  /** Disclosure reports per client address per minute. */
  readonly reportsPerMinute: number;
  /** Anonymous retailer checks per client address per minute (tokens are not limited). */
  readonly retailPerMinute: number;
  readonly loginPerMinute: number;
}

export interface ServerOptions {
  readonly ctx: RegistryContext;
  /** pino logger options, or false for none (tests). */
  readonly logger?: boolean | { level?: string };
  /** Set the Secure attribute on cookies (default true; browsers treat http://localhost as secure too). */
  readonly cookieSecure?: boolean;
  readonly rateLimits?: Partial<RateLimits>;
  readonly webhooks?: WebhookOptions;
  /** Contact line of the registry's own /.well-known/security.txt (mailto: or https: URI). */
  readonly registryContact?: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for rate limits and logs). */
  readonly trustProxy?: boolean;
}

export interface ResolvedServerOptions {
  readonly cookieSecure: boolean;
  readonly rateLimits: RateLimits;
  readonly webhooks: WebhookOptions;
  readonly registryContact: string | undefined;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { reportsPerMinute: 10, retailPerMinute: 120, loginPerMinute: 10 };
