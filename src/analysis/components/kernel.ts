import type { UnpackLog, Vfs } from '../../firmware/types.js';

/** A Linux kernel version and where it was read. */
export interface KernelHit {
  /** Release as built (`5.10.0-21-amd64`, `5.4.72`). */
  readonly release: string;
  /** The upstream version (`5.10.0`), the release's leading dotted numbers. */
  readonly upstream: string;
  readonly evidence: string;
  readonly path: string;
  readonly how: 'kernel-banner' | 'kernel-modules' | 'file-name';
}

const RELEASE = /^(\d+\.\d+(?:\.\d+)?)([-+.~][\w.+~-]*)?$/;

function hit(release: string, evidence: string, path: string, how: KernelHit['how']): KernelHit | undefined {
  const m = RELEASE.exec(release);
  return m ? { release, upstream: m[1]!, evidence, path, how } : undefined;
}

/** Kernel banners in the unpack log: bzImage setup headers and decompressed kernels' `Linux version` strings. */
export function kernelsInLog(log: UnpackLog): KernelHit[] {
  const out: KernelHit[] = [];
  for (const l of log.layers) {
    const m = /Linux version (\S+) \(/.exec(l.description) ?? /bzImage, boot protocol [\d.]+, version (\S+)/.exec(l.description);
    const h = m ? hit(m[1]!, m[0], `${l.id} (${l.format} layer)`, 'kernel-banner') : undefined;
    if (h) out.push(h);
  }
  return out;
}

/** Kernels a root filesystem was built for: `/lib/modules/<release>/` and `/boot/vmlinu[xz]-<release>`. */
export function kernelsInTree(vfs: Vfs): KernelHit[] {
  const out: KernelHit[] = [];
  for (const dir of ['/lib/modules', '/usr/lib/modules']) {
    for (const e of vfs.children(dir)) {
      if (e.type !== 'dir') continue;
      const release = e.path.slice(dir.length + 1);
      const h = hit(release, `modules directory ${e.path}`, e.path, 'kernel-modules');
      if (h) out.push(h);
    }
  }
  for (const e of vfs.children('/boot')) {
    const m = /\/(?:vmlinu[xz]|zImage|uImage|Image)-(.+)$/.exec(e.path);
    const h = m ? hit(m[1]!, `kernel image ${e.path}`, e.path, 'file-name') : undefined;
    if (h) out.push(h);
  }
  return out;
}
