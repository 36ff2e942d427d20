import { inventoryOfTree } from '../../analysis/components/index.js';
import { readText, type Target } from '../../analysis/tree/index.js';
import { opensshDefaults } from './defaults.js';
import type { Issue } from './issue.js';

// What the releases in the tree change about a finding, from the component inventory: weak OpenSSH defaults,
// and TLS versions an OpenSSL 3 library refuses whatever the configuration asks.

/** Weak defaults of the tree's OpenSSH release for the lists its sshd_config files leave unset. */
export async function sshdDefaults(t: Target, files: readonly { path: string; text: string }[]): Promise<Issue[]> {
  const main = files.find((f) => !f.path.includes('.d/'));
  if (!main) return [];
  const versions = new Set((await inventoryOfTree(t.vfs)).components.filter((c) => c.product === 'openssh' && c.upstreamVersion).map((c) => c.upstreamVersion!));
  // Two different releases in one tree (client and server from different builds): which one serves is unknown.
  if (versions.size !== 1) return [];
  const keywords = new Set(files.flatMap((f) => [...f.text.matchAll(/^[ \t]*(\w+)[ \t=]/gm)].map((m) => m[1]!.toLowerCase())));
  return opensshDefaults([...versions][0]!, keywords, main.path);
}

const OPENSSL_SERVERS = new Set(['nginx', 'lighttpd', 'mosquitto', 'stunnel']);

/**
 * The OpenSSL 3 release of the tree when TLS 1.0 and 1.1 cannot be negotiated whatever the servers ask for:
 * OpenSSL 3.0 refuses them at its default security level 1 (their handshakes rely on SHA-1/MD5), unless a
 * configuration lowers it with `@SECLEVEL=0`. Undefined when an older OpenSSL is present, or none is known.
 */
export async function openSsl3Refuses(t: Target, texts: readonly { text: string }[]): Promise<string | undefined> {
  const versions = (await inventoryOfTree(t.vfs)).components.filter((c) => c.product === 'openssl' && c.upstreamVersion).map((c) => c.upstreamVersion!);
  if (versions.length === 0 || versions.some((v) => !/^[3-9]\./.test(v))) return undefined;
  const cnf = await Promise.all(['/etc/ssl/openssl.cnf', '/usr/lib/ssl/openssl.cnf'].map((p) => readText(t.vfs, p)));
  if ([...texts.map((x) => x.text), ...cnf].some((x) => x !== undefined && /SECLEVEL\s*=\s*0/i.test(x))) return undefined;
  return [...new Set(versions)].sort().join(', ');
}

/** A request for TLS 1.0/1.1 that OpenSSL 3 refuses is legacy configuration, not an enabled protocol. */
export function softened(i: Issue, openssl: string): Issue {
  if (i.grade !== 'broken' || !OPENSSL_SERVERS.has(i.server) || !/^TLS 1\.[01](, TLS 1\.1)?$/.test(i.what)) return i;
  return { ...i, grade: 'weak', what: `${i.what} in its configuration (OpenSSL ${openssl} in the image refuses them at its default security level)` };
}
