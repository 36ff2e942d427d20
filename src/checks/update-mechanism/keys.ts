import type { Vfs } from '../../firmware/types.js';
import { readSmall } from '../../analysis/tree/index.js';

// Keys that updates are verified against: usign/signify public keys (opkg, sysupgrade), GPG keyrings (apt),
// PEM public keys and certificates named by swupdate/RAUC configuration.

export interface VerificationKey {
  readonly path: string;
  readonly kind: 'usign' | 'gpg' | 'x509';
}

export async function verificationKeys(vfs: Vfs): Promise<VerificationKey[]> {
  const out: VerificationKey[] = [];
  for (const dir of ['/etc/opkg/keys', '/etc/usign', '/usr/share/usign']) {
    for (const e of vfs.children(dir)) out.push({ path: e.path, kind: 'usign' });
  }
  for (const dir of ['/etc/apt/trusted.gpg.d', '/usr/share/keyrings']) {
    for (const e of vfs.children(dir)) if (/\.(gpg|asc)$/.test(e.path)) out.push({ path: e.path, kind: 'gpg' });
  }
  if (vfs.resolve('/etc/apt/trusted.gpg')) out.push({ path: '/etc/apt/trusted.gpg', kind: 'gpg' });
  for (const dir of ['/etc/swupdate', '/etc/rauc', '/etc/mender']) {
    for (const e of vfs.children(dir)) {
      const buf = e.type === 'file' ? await readSmall(vfs, e.path, 256 * 1024) : undefined;
      if (buf && /-----BEGIN (PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY)-----/.test(buf.toString('latin1'))) out.push({ path: e.path, kind: 'x509' });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
