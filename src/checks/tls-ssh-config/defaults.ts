import type { Issue } from './issue.js';

// What an OpenSSH server enables when sshd_config is silent: reported only for releases whose defaults are known
// to be weak (OpenSSH release notes): before 6.7 the default ciphers and MACs included arcfour*, the CBC
// ciphers and the MD5 and truncated HMACs; before 7.0 the default key exchanges included
// diffie-hellman-group1-sha1.

function release(version: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const before = (v: [number, number], major: number, minor: number) => v[0] < major || (v[0] === major && v[1] < minor);

/**
 * Weak defaults of OpenSSH `version` for the lists no sshd_config file sets. `keywords` are the (lower-case)
 * keywords the files set; `path` is the main configuration file the finding points at.
 */
export function opensshDefaults(version: string, keywords: ReadonlySet<string>, path: string): Issue[] {
  const v = release(version);
  if (!v) return [];
  const out: Issue[] = [];
  const issue = (keyword: string, what: string, fix: string) =>
    out.push({ server: 'sshd', path, directive: `no ${keyword} line (OpenSSH ${version} defaults)`, grade: 'broken', what: `${what} (OpenSSH ${version} enables it by default)`, fix });
  if (before(v, 6, 7) && !keywords.has('ciphers')) {
    issue('Ciphers', 'arcfour, arcfour128, arcfour256, 3des-cbc, blowfish-cbc, cast128-cbc', 'Add `Ciphers aes128-ctr,aes192-ctr,aes256-ctr` (plus the GCM and ChaCha20 ciphers the release supports), or update OpenSSH.');
  }
  if (before(v, 6, 7) && !keywords.has('macs')) {
    issue('MACs', 'hmac-md5, hmac-md5-96, hmac-sha1-96', 'Add `MACs hmac-sha2-256,hmac-sha2-512` (and their -etm@openssh.com forms where supported), or update OpenSSH.');
  }
  if (before(v, 7, 0) && !keywords.has('kexalgorithms')) {
    issue('KexAlgorithms', 'diffie-hellman-group1-sha1', 'Add a KexAlgorithms line without diffie-hellman-group1-sha1 (e.g. `KexAlgorithms curve25519-sha256@libssh.org,ecdh-sha2-nistp256,diffie-hellman-group14-sha1`), or update OpenSSH.');
  }
  return out;
}
