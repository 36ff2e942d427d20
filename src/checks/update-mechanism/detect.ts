import type { Vfs } from '../../firmware/types.js';
import { readText } from '../../analysis/tree/index.js';

// The update mechanisms iotcop recognises and what their configuration says about transport and signatures.

export interface Mechanism {
  readonly name: string;
  readonly path: string;
  readonly line?: number;
  /** Signature verification: on, off, or not determinable from the image. */
  readonly signatures: 'on' | 'off' | 'unknown';
  readonly why: string;
  /** Sources it downloads from, with where they are configured. */
  readonly sources: readonly { url: string; path: string; line: number }[];
  /** TLS verification switched off, with where. */
  readonly insecureTls: readonly { path: string; line: number; text: string }[];
}

function lines(text: string): { line: number; text: string }[] {
  return text.split('\n').map((t, i) => ({ line: i + 1, text: t.replace(/\r$/, '') }));
}

export async function opkg(vfs: Vfs): Promise<Mechanism | undefined> {
  const bin = ['/bin/opkg', '/usr/bin/opkg'].find((p) => vfs.resolve(p));
  if (!bin) return undefined;
  const confs = ['/etc/opkg.conf', ...vfs.children('/etc/opkg').filter((e) => e.path.endsWith('.conf')).map((e) => e.path)];
  const sources: Mechanism['sources'][number][] = [];
  let check: { path: string; line: number } | undefined;
  for (const path of confs) {
    const text = await readText(vfs, path);
    if (text === undefined) continue;
    for (const l of lines(text)) {
      const src = /^[ \t]*src(?:\/gz)?[ \t]+\S+[ \t]+(\S+)/.exec(l.text);
      if (src) sources.push({ url: src[1]!, path, line: l.line });
      if (/^[ \t]*option[ \t]+check_signature\b/.test(l.text)) check = { path, line: l.line };
    }
  }
  return {
    name: 'opkg', path: check?.path ?? bin, ...(check ? { line: check.line } : {}), signatures: check ? 'on' : 'off',
    why: check ? `\`option check_signature\` at ${check.path}:${check.line}` : `no \`option check_signature\` in ${confs.filter((c) => vfs.resolve(c)).join(', ') || 'the opkg configuration'}`,
    sources, insecureTls: [],
  };
}

export async function apt(vfs: Vfs): Promise<Mechanism | undefined> {
  if (!vfs.resolve('/usr/bin/apt-get')) return undefined;
  const sources: Mechanism['sources'][number][] = [];
  const insecure: Mechanism['insecureTls'][number][] = [];
  let off: { path: string; line: number; text: string } | undefined;
  const files = ['/etc/apt/sources.list', ...vfs.children('/etc/apt/sources.list.d').map((e) => e.path), ...vfs.children('/etc/apt/apt.conf.d').map((e) => e.path)];
  for (const path of files) {
    const text = await readText(vfs, path);
    if (text === undefined) continue;
    for (const l of lines(text)) {
      if (l.text.trimStart().startsWith('#')) continue;
      const deb = /^[ \t]*deb(?:-src)?[ \t]+(?:\[[^\]]*\][ \t]+)?(\S+)/.exec(l.text);
      if (deb) sources.push({ url: deb[1]!, path, line: l.line });
      const u = /^URIs:[ \t]*(\S+)/.exec(l.text);
      if (u) sources.push({ url: u[1]!, path, line: l.line });
      if (/trusted=yes|AllowUnauthenticated[ \t"]*(true|1)|allow-insecure=yes|Trusted:[ \t]*yes/i.test(l.text)) off = { path, line: l.line, text: l.text.trim() };
      if (/Verify-Peer[ \t"]*(false|0)/i.test(l.text)) insecure.push({ path, line: l.line, text: l.text.trim() });
    }
  }
  return {
    name: 'apt', path: off?.path ?? '/usr/bin/apt-get', ...(off ? { line: off.line } : {}), signatures: off ? 'off' : 'on',
    why: off ? `signature checks disabled: \`${off.text}\`` : 'apt verifies the signed Release files against its keyring', sources, insecureTls: insecure,
  };
}

export async function sysupgrade(vfs: Vfs): Promise<Mechanism | undefined> {
  if (!vfs.resolve('/sbin/sysupgrade')) return undefined;
  const platform = await readText(vfs, '/lib/upgrade/common.sh') ?? '';
  const fwtool = await readText(vfs, '/lib/upgrade/fwtool.sh') ?? '';
  const sig = /REQUIRE_IMAGE_SIGNATURE|usign|fwtool[ \t]+-s/.exec(`${platform}\n${fwtool}`);
  return {
    name: 'sysupgrade', path: '/sbin/sysupgrade', signatures: sig ? 'on' : 'unknown',
    why: sig ? 'sysupgrade checks the image metadata signature (fwtool/usign)' : 'sysupgrade checks image metadata, but no signature verification (REQUIRE_IMAGE_SIGNATURE, usign) is configured; images are accepted by board name and checksum',
    sources: [], insecureTls: [],
  };
}

export async function swupdate(vfs: Vfs, startArgs: readonly string[]): Promise<Mechanism | undefined> {
  if (!vfs.resolve('/usr/bin/swupdate')) return undefined;
  const cfg = await readText(vfs, '/etc/swupdate.cfg') ?? '';
  const key = startArgs.includes('-k') || /public-key-file/.test(cfg);
  return {
    name: 'swupdate', path: '/usr/bin/swupdate', signatures: key ? 'on' : 'unknown',
    why: key ? 'swupdate is given a public key (-k / public-key-file)' : 'swupdate is not given a public key at start; unless it was built to require signed images it installs unsigned ones',
    sources: [], insecureTls: [],
  };
}

export async function rauc(vfs: Vfs): Promise<Mechanism | undefined> {
  if (!vfs.resolve('/usr/bin/rauc')) return undefined;
  const conf = await readText(vfs, '/etc/rauc/system.conf') ?? '';
  const keyring = /^\[keyring\]/m.test(conf);
  return { name: 'RAUC', path: '/etc/rauc/system.conf', signatures: keyring ? 'on' : 'unknown', why: keyring ? 'RAUC verifies bundle signatures against its [keyring]' : 'no [keyring] section in /etc/rauc/system.conf', sources: [], insecureTls: [] };
}

export async function mender(vfs: Vfs): Promise<Mechanism | undefined> {
  if (!vfs.resolve('/usr/bin/mender') && !vfs.resolve('/usr/bin/mender-update')) return undefined;
  const path = '/etc/mender/mender.conf';
  const text = await readText(vfs, path) ?? '';
  let conf: Record<string, unknown> = {};
  try { conf = JSON.parse(text) as Record<string, unknown>; } catch { /* not JSON */ }
  const lineOfKey = (k: string) => text.slice(0, Math.max(0, text.indexOf(`"${k}"`))).split('\n').length;
  const server = typeof conf.ServerURL === 'string' ? conf.ServerURL : undefined;
  const key = typeof conf.ArtifactVerifyKey === 'string' || Array.isArray(conf.ArtifactVerifyKeys);
  return {
    name: 'Mender', path, signatures: key ? 'on' : 'off', why: key ? 'ArtifactVerifyKey is set' : 'no ArtifactVerifyKey: artifacts are accepted unsigned',
    sources: server ? [{ url: server, path, line: lineOfKey('ServerURL') }] : [],
    insecureTls: conf.SkipVerify === true ? [{ path, line: lineOfKey('SkipVerify'), text: '"SkipVerify": true' }] : [],
  };
}
