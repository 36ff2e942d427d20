import { readText, targetsOf, unreadImages, where, type Target } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { parseMosquitto, parseStunnel } from './brokers.js';
import type { Issue, Parsed, Seen } from './issue.js';
import { configFiles, dropbears, type Server } from './locate.js';
import { dropbearArgs, dropbearBinary, parseDropbearUci, parseSshd } from './ssh.js';
import { openSsl3Refuses, softened, sshdDefaults } from './versions.js';
import { parseLighttpd, parseNginx, parseUhttpd } from './web.js';

/** Most findings per filesystem; the rest are summed up in one. */
const MAX_FINDINGS = 40;

const SEARCHED = 'nginx (/etc/nginx), lighttpd (/etc/lighttpd), uhttpd (/etc/config/uhttpd), mosquitto (/etc/mosquitto), stunnel (/etc/stunnel), OpenSSH (/etc/ssh/sshd_config), dropbear (/etc/config/dropbear, its program and command line), and configuration files named on the command lines the boot starts';

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const out = unreadImages(ctx.evidence.firmware, ['5.5-1'], 'The TLS and SSH configuration');
  for (const fw of ctx.evidence.firmware ?? []) {
    if (fw.filesystems.length === 0) continue;
    ctx.progress(`TLS and SSH configuration of ${fw.image}`);
    out.push(...(await forImage(fw.image, targetsOf([fw]))));
  }
  return out;
}

/**
 * One image: findings per weak directive, in whichever filesystem it is; the "nothing found" and "all clean"
 * summaries once per image (a deep unpack turns every compressed file into a filesystem of its own).
 */
async function forImage(image: string, targets: readonly Target[]): Promise<FindingDraft[]> {
  const findings: FindingDraft[] = [];
  const seen: { t: Target; s: Seen }[] = [];
  for (const t of targets) {
    const r = await examine(t);
    findings.push(...capped(t, r.issues.map((i) => toFinding(t, i))));
    seen.push(...r.seen.map((s) => ({ t, s })));
  }
  if (seen.length === 0) {
    return [{
      provisions: ['5.5-1'], severity: 'info', verdict: 'inconclusive', key: 'none',
      title: 'No TLS or SSH server configuration found',
      detail: `iotcop looked for the configuration of ${SEARCHED} in ${targets.length === 1 ? 'the filesystem' : `the ${targets.length} filesystems`} of ${image} and found none. The device may use another server, build its settings into a program, or not accept TLS or SSH connections at all.`,
      location: { image }, evidence: '', remediation: 'If the device serves TLS or SSH, make sure only TLS 1.2+ and current cipher suites and SSH algorithms are enabled, and say which server it uses.',
    }];
  }
  if (findings.length === 0) {
    const first = seen[0]!;
    return [{
      provisions: ['5.5-1'], severity: 'info', verdict: 'pass', key: 'clean',
      title: `TLS and SSH configuration: no weak protocol version, cipher suite or algorithm enabled`,
      detail: `Examined ${seen.map(({ t, s }) => `${where(t, s.path).path} (${s.server})`).join(', ')}. Nothing enables TLS below 1.2, NULL/anonymous/EXPORT/RC4/DES/3DES/MD5 suites, SSH protocol 1 or weak SSH algorithms. Where a directive is absent the server's built-in default applies, which depends on its version.`,
      location: where(first.t, first.s.path), evidence: seen.map(({ s }) => s.path).join(' '), remediation: 'Nothing to fix.',
    }];
  }
  return findings;
}

const PARSERS: Record<Exclude<Server, 'uhttpd'>, (path: string, text: string) => Parsed> = {
  nginx: parseNginx, lighttpd: parseLighttpd, mosquitto: parseMosquitto, stunnel: parseStunnel, sshd: parseSshd, dropbear: parseDropbearUci,
};

async function examine(t: Target): Promise<{ issues: Issue[]; seen: Seen[] }> {
  const issues: Issue[] = [];
  const seen: Seen[] = [];
  const texts: { path: string; text: string }[] = [];
  const allTexts: { path: string; text: string }[] = [];
  for (const f of await configFiles(t.vfs)) {
    const text = await readText(t.vfs, f.path);
    if (text === undefined) continue;
    const parsed = f.server === 'uhttpd' ? parseUhttpd(f.path, text, await redirectByDefaults(t), hasTlsPlugin(t)) : PARSERS[f.server](f.path, text);
    issues.push(...parsed.issues);
    seen.push({ server: f.server, path: f.path, secure: parsed.secure });
    if (f.server === 'sshd') texts.push({ path: f.path, text });
    else allTexts.push({ path: f.path, text });
  }
  issues.push(...(await sshdDefaults(t, texts)));
  const lowered = issues.some((i) => softened(i, '') !== i) ? await openSsl3Refuses(t, allTexts) : undefined;
  const db = await dropbears(t.vfs);
  for (const p of db.programs) {
    issues.push(...(await dropbearBinary(t.vfs, p)));
    seen.push({ server: 'dropbear', path: p, secure: true });
  }
  for (const s of db.starts) issues.push(...dropbearArgs(s.by, s.line, s.argv));
  return { issues: dedupe(lowered ? issues.map((i) => softened(i, lowered)) : issues), seen };
}

/** uhttpd's TLS plugin, as the libustream-* packages install it. */
function hasTlsPlugin(t: Target): boolean {
  return ['/lib', '/usr/lib'].some((dir) => t.vfs.children(dir).some((e) => /^libustream-ssl\.so/.test(e.path.slice(dir.length + 1)) && t.vfs.resolve(e.path)?.type === 'file'));
}

/** OpenWrt's luci-ssl turns the HTTP-to-HTTPS redirect on from a uci-defaults script at first boot. */
async function redirectByDefaults(t: Target): Promise<boolean> {
  for (const e of t.vfs.children('/etc/uci-defaults')) {
    const text = e.type === 'file' ? await readText(t.vfs, e.path) : undefined;
    if (text && /uhttpd\.[@\w[\]-]+\.redirect_https=['"]?1/.test(text)) return true;
  }
  return false;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\0${i.line ?? ''}\0${i.offset ?? ''}\0${i.what}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const SEVERE = /SSL [23]\.0|NULL|EXPORT|anonymous|protocol 1|arcfour|\bnone\b/;

function toFinding(t: Target, i: Issue): FindingDraft {
  const at = i.line !== undefined ? `${i.path}:${i.line}` : i.offset !== undefined ? `${i.path} at offset ${i.offset}` : i.path;
  const location = where(t, i.path, i.line !== undefined ? { line: i.line } : i.offset !== undefined ? { offset: i.offset } : {});
  const key = `${i.server}:${i.what}`;
  if (i.grade === 'cleartext') {
    return {
      provisions: ['5.5-1', '5.5-7'], severity: 'medium', verdict: 'inconclusive', key, location, evidence: i.directive, remediation: i.fix,
      title: `${i.server} accepts connections without TLS`,
      detail: `${at} configures ${i.what}. Whatever crosses it, including passwords and tokens, travels in cleartext; review what it carries.`,
    };
  }
  const broken = i.grade === 'broken';
  return {
    provisions: ['5.5-1'], severity: broken ? (SEVERE.test(i.what) ? 'high' : 'medium') : 'low', verdict: broken ? 'fail' : 'inconclusive', key, location, evidence: i.directive, remediation: i.fix,
    title: `${i.server} ${broken ? 'enables' : 'allows legacy'} ${i.what.length > 140 ? `${i.what.slice(0, 137)}...` : i.what}`,
    detail: broken
      ? `${at} enables ${i.what}, which best-practice cryptography no longer allows: an attacker on the path can downgrade to it or break it.`
      : `${at} allows ${i.what}. This is legacy rather than broken; whether it is negotiated depends on the client and the library version.`,
  };
}

function capped(t: Target, findings: FindingDraft[]): FindingDraft[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const rest = findings.slice(MAX_FINDINGS);
  const worst = rest.find((f) => f.verdict === 'fail') ?? rest[0]!;
  return [...findings.slice(0, MAX_FINDINGS), {
    ...worst, key: 'more', title: `${rest.length} more TLS/SSH configuration findings`,
    detail: `Besides the ${MAX_FINDINGS} reported one by one: ${rest.map((f) => `${f.location.path ?? ''}:${f.location.line ?? ''} ${f.evidence}`).join('; ').slice(0, 2000)}.`, location: where(t, '/'),
  }];
}
