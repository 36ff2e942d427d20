import type { Vfs } from '../../firmware/types.js';
import { readText } from '../tree/index.js';
import type { OsInfo } from './types.js';

/** `KEY=value` lines of os-release(5) and OpenWrt's openwrt_release, quotes removed. */
function shellVars(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2'));
  }
  return out;
}

/**
 * The OSV ecosystem of a distribution's packages, keyed the way OSV keys it: `Debian:<major>`,
 * `Ubuntu:<YY.MM>[:LTS]`, `Alpine:v<major.minor>`, `OpenWrt`.
 */
export function ecosystemOf(id: string, versionId: string | undefined, version = ''): string | undefined {
  const v = versionId ?? '';
  switch (id) {
    case 'debian': return /^\d+/.test(v) ? `Debian:${/^\d+/.exec(v)![0]}` : undefined;
    case 'raspbian': return /^\d+/.test(v) ? `Debian:${/^\d+/.exec(v)![0]}` : undefined;
    case 'ubuntu': return /^\d+\.\d+/.test(v) ? `Ubuntu:${/^\d+\.\d+/.exec(v)![0]}${/LTS/.test(version) ? ':LTS' : ''}` : undefined;
    case 'alpine': return /^\d+\.\d+/.test(v) ? `Alpine:v${/^\d+\.\d+/.exec(v)![0]}` : undefined;
    case 'openwrt': return 'OpenWrt';
    default: return undefined;
  }
}

/** What distribution the tree is: os-release first, then the distribution-specific release files. */
export async function osOf(vfs: Vfs): Promise<OsInfo | undefined> {
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    const text = await readText(vfs, path, 64 * 1024);
    if (text === undefined) continue;
    const v = shellVars(text);
    const id = (v.get('ID') ?? '').toLowerCase();
    if (!id) continue;
    const versionId = v.get('VERSION_ID') ?? (id === 'debian' ? await debianVersion(vfs) : undefined);
    const ecosystem = ecosystemOf(id, versionId, v.get('VERSION') ?? '');
    return { id, ...(versionId ? { versionId } : {}), name: v.get('PRETTY_NAME') ?? v.get('NAME') ?? id, ...(ecosystem ? { ecosystem } : {}), path };
  }
  const openwrt = await readText(vfs, '/etc/openwrt_release', 64 * 1024);
  if (openwrt !== undefined) {
    const v = shellVars(openwrt);
    const versionId = v.get('DISTRIB_RELEASE');
    return { id: 'openwrt', ...(versionId ? { versionId } : {}), name: v.get('DISTRIB_DESCRIPTION') ?? 'OpenWrt', ecosystem: 'OpenWrt', path: '/etc/openwrt_release' };
  }
  const alpine = (await readText(vfs, '/etc/alpine-release', 1024))?.trim();
  if (alpine) return { id: 'alpine', versionId: alpine, name: `Alpine Linux ${alpine}`, ...withEco('alpine', alpine), path: '/etc/alpine-release' };
  const debian = await debianVersion(vfs);
  if (debian) return { id: 'debian', versionId: debian, name: `Debian ${debian}`, ...withEco('debian', debian), path: '/etc/debian_version' };
  return undefined;
}

function withEco(id: string, versionId: string): { ecosystem?: string } {
  const e = ecosystemOf(id, versionId);
  return e ? { ecosystem: e } : {};
}

async function debianVersion(vfs: Vfs): Promise<string | undefined> {
  const v = (await readText(vfs, '/etc/debian_version', 1024))?.trim();
  return v && /^\d/.test(v) ? v : undefined;
}
