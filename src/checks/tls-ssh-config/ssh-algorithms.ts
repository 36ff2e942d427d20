// SSH algorithm names (RFC 4253, 4344, 6668, 8268, 8332, 9142 and OpenSSH's PROTOCOL) graded the way current
// guidance grades them: `broken` ones are refused by current OpenSSH and ETSI TS 103 732-style profiles
// (RC4, 64-bit block ciphers, MD5 and truncated SHA-1 MACs, the 1024-bit Oakley group 2, DSA);
// `weak` ones are legacy but not broken (CBC mode, SHA-1 key exchange, ssh-rsa SHA-1 signatures, 64-bit tags).

export type SshList = 'ciphers' | 'macs' | 'kex' | 'keys';

const BROKEN: Record<SshList, RegExp> = {
  ciphers: /^(arcfour(128|256)?|3des-(cbc|ctr)|blowfish-(cbc|ctr)|cast128-(cbc|ctr)|des-cbc|des(-cbc)?@ssh\.com|idea-(cbc|ctr)|none)$/,
  macs: /^(hmac-md5(-96)?|hmac-sha1-96|hmac-md5(-96)?-etm@openssh\.com|hmac-sha1-96-etm@openssh\.com|none)$/,
  kex: /^(diffie-hellman-group1-sha1|rsa1024-sha1|gss-group1-sha1-.*)$/,
  keys: /^(ssh-dss|ssh-dss-cert-v0[01]@openssh\.com)$/,
};

const WEAK: Record<SshList, RegExp> = {
  ciphers: /^(aes(128|192|256)-cbc|rijndael-cbc@lysator\.liu\.se|twofish(128|192|256)?-cbc|serpent\d*-cbc)$/,
  macs: /^(umac-64(-etm)?@openssh\.com|hmac-ripemd160(@openssh\.com|-etm@openssh\.com)?)$/,
  kex: /^(diffie-hellman-group14-sha1|diffie-hellman-group-exchange-sha1|gss-(gex|group14)-sha1-.*)$/,
  keys: /^(ssh-rsa|ssh-rsa-cert-v0[01]@openssh\.com)$/,
};

/** Every name the tables know, so that OpenSSH wildcard items (`+aes*-cbc`) can be expanded. */
const KNOWN: Record<SshList, readonly string[]> = {
  ciphers: ['arcfour', 'arcfour128', 'arcfour256', '3des-cbc', 'blowfish-cbc', 'cast128-cbc', 'aes128-cbc', 'aes192-cbc', 'aes256-cbc', 'rijndael-cbc@lysator.liu.se'],
  macs: ['hmac-md5', 'hmac-md5-96', 'hmac-sha1-96', 'hmac-md5-etm@openssh.com', 'hmac-md5-96-etm@openssh.com', 'hmac-sha1-96-etm@openssh.com', 'umac-64@openssh.com', 'umac-64-etm@openssh.com', 'hmac-ripemd160', 'hmac-ripemd160@openssh.com', 'hmac-ripemd160-etm@openssh.com'],
  kex: ['diffie-hellman-group1-sha1', 'diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1'],
  keys: ['ssh-dss', 'ssh-dss-cert-v01@openssh.com', 'ssh-rsa', 'ssh-rsa-cert-v01@openssh.com'],
};

export function gradeOf(list: SshList, name: string): 'broken' | 'weak' | undefined {
  if (BROKEN[list].test(name)) return 'broken';
  if (WEAK[list].test(name)) return 'weak';
  return undefined;
}

/** Names an OpenSSH list value enables: `-` removes (nothing enabled); `+`/`^` add; `*`/`?` wildcards expanded. */
export function enabledNames(list: SshList, value: string): string[] {
  const v = value.trim();
  if (v.startsWith('-')) return [];
  const out = new Set<string>();
  for (const item of v.replace(/^[+^]/, '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (item.startsWith('!')) continue;
    if (!/[*?]/.test(item)) { out.add(item.toLowerCase()); continue; }
    const re = new RegExp(`^${item.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    for (const k of KNOWN[list]) if (re.test(k)) out.add(k);
  }
  return [...out];
}

export const SSH_FIX: Record<SshList, string> = {
  ciphers: 'Offer only chacha20-poly1305@openssh.com, aes256-gcm@openssh.com, aes128-gcm@openssh.com and aes*-ctr (or delete the line to use current OpenSSH defaults).',
  macs: 'Offer only hmac-sha2-256-etm@openssh.com, hmac-sha2-512-etm@openssh.com and umac-128-etm@openssh.com (or delete the line).',
  kex: 'Offer only sntrup761x25519-sha512 / mlkem768x25519-sha256, curve25519-sha256, ecdh-sha2-nistp* and diffie-hellman-group16/18-sha512 (or delete the line).',
  keys: 'Use ssh-ed25519, ecdsa-sha2-nistp256 or rsa-sha2-256/512 host keys and signatures; remove ssh-dss and ssh-rsa.',
};
