import type { FastifyInstance } from 'fastify';

// Pages carry no scripts, so the policy can forbid them outright. no-referrer keeps the reporter's secret status
// URL out of other sites' logs when they follow a link from it.
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The headers every response outside /docs carries (the cached-page fast path sends the same ones). */
export function securityHeaders(isHtml: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    ...(isHtml ? { 'content-security-policy': PAGE_CSP } : {}),
  };
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every response and a promise per response is measurable.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!request.url.startsWith('/docs')) {
      reply.header('x-frame-options', 'DENY');
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', PAGE_CSP);
    }
    done(null, payload);
  });
}
