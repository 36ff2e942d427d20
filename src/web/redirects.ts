/**
 * Which redirects are followed:
 * - `same-host`: only to the same host name;
 * - `related-host`: to the same host, or between a host and its parent or subdomain (`example.com` <->
 *   `www.example.com`, `example.com` -> `security.example.com`), never across unrelated domains;
 * - `any`: anywhere (the redirect chain is still recorded).
 * RFC 9116 section 5.2 asks that redirects be recorded and looked at; an unrelated host is where an attacker who
 * took over a page would send reporters, so it is not followed by default.
 */
export type RedirectPolicy = 'same-host' | 'related-host' | 'any';

export function redirectAllowed(from: string, to: string, policy: RedirectPolicy): boolean {
  if (policy === 'any') return true;
  const a = new URL(from).hostname.toLowerCase();
  const b = new URL(to).hostname.toLowerCase();
  if (a === b) return true;
  if (policy === 'same-host') return false;
  return (b.endsWith(`.${a}`) || a.endsWith(`.${b}`)) && b.includes('.') && a.includes('.');
}
