import { bootOf, daemonInfo, isBindShell, PATH_DIRS, type BootModel, type Start } from '../../analysis/boot/index.js';

import { targetsOf, where, type Target, unreadImages } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { snmpDefaults, upnpInsecure } from './configs.js';
import { allInterfaces, startLine } from './describe.js';

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  return [...(await examine(ctx)), ...unreadImages(ctx.evidence.firmware, ['5.6-1', '5.6-5'], 'What starts at boot')];
}

async function examine(ctx: CheckContext): Promise<FindingDraft[]> {
  const out: FindingDraft[] = [];
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`boot analysis of ${t.image}`);
    const boot = await bootOf(t.vfs);
    out.push(...(await forTarget(t, boot)));
  }
  return out;
}

async function forTarget(t: Target, boot: BootModel): Promise<FindingDraft[]> {
  const out: FindingDraft[] = [];
  const live = boot.starts.filter((s) => s.active);
  for (const s of live) {
    const f = riskyStart(t, s);
    if (f) out.push(f);
  }
  // Super-server entries whose inetd/xinetd is not started by anything the boot analysis saw: a compiled
  // program may still start it, so they stay open questions with their line.
  for (const s of boot.starts.filter((x) => !x.active && (x.mechanism === 'inetd' || x.mechanism === 'xinetd'))) {
    const f = riskyStart(t, s);
    if (f) out.push({ ...f, verdict: 'inconclusive', severity: 'medium', title: `${f.title.replace(/ started on demand.*$/, '')} configured in ${s.by}`, detail: `${f.detail} No boot script seen starts ${s.mechanism}; if a program starts it, this service is exposed.` });
  }
  for (const c of boot.consoles) {
    out.push({
      provisions: ['5.6-4'], severity: 'high', verdict: 'fail', key: `console:${c.tty}:${c.line}`,
      title: `Debug shell on the ${c.tty} console`,
      detail: `${c.by}${c.line ? `:${c.line}` : ''}: ${c.why}. A serial or virtual console that drops into a shell is a debug interface left enabled in software.`,
      location: where(t, c.by, c.line ? { line: c.line } : {}), evidence: c.process,
      remediation: 'Remove the console shell from production builds or put a login in front of it; disable the serial console in the bootloader and kernel command line.',
    });
  }
  out.push(...(await configFindings(t, live)), ...rootFindings(t, live), ...exposure(t, live), ...presentNotStarted(t, boot));
  if (boot.init === 'unknown') {
    out.push({
      provisions: ['5.6-1', '5.6-5'], severity: 'info', verdict: 'inconclusive', key: 'no-init',
      title: 'What starts at boot could not be worked out',
      detail: `No inittab, BusyBox init, procd or systemd configuration was found in ${t.vfs.layer}, so which services start is unknown${live.length ? ` (${live.length} program(s) seen in cron or super-server tables)` : ''}.`,
      location: where(t, '/'), evidence: '', remediation: 'Assess the image that holds the root filesystem, or the running device.',
    });
  } else if (!out.some((f) => f.verdict === 'fail')) {
    out.push({
      provisions: ['5.6-1', '5.6-4', '5.6-5'], severity: 'info', verdict: 'pass', key: 'clean',
      title: 'No cleartext, debug or unauthenticated service starts at boot',
      detail: `${boot.init} boot configuration followed through ${boot.scripts.length} script(s): ${summary(live)}.`,
      location: where(t, boot.scripts[0] ?? '/etc/inittab'), evidence: summary(live), remediation: 'Nothing to fix.',
    });
  }
  return out;
}

function summary(starts: readonly Start[]): string {
  const names = [...new Set(starts.filter((s) => daemonInfo(s.name)).map((s) => s.name))].sort();
  return names.length ? `network services started: ${names.join(', ')}` : 'no network service is started';
}

const RISK_TEXT: Record<string, { title: string; why: string; provisions: FindingDraft['provisions'] }> = {
  telnet: { title: 'Telnet server', why: 'sends passwords and the whole session in clear text and is the first port botnets try', provisions: ['5.6-1', '5.6-5'] },
  rlogin: { title: 'rlogin/rsh server', why: 'authenticates by host name and runs in clear text', provisions: ['5.6-1', '5.6-5'] },
  ftp: { title: 'FTP server', why: 'sends credentials and files in clear text', provisions: ['5.6-1', '5.6-5'] },
  tftp: { title: 'TFTP server', why: 'serves and accepts files with no authentication at all', provisions: ['5.6-1', '5.6-2', '5.6-5'] },
  adb: { title: 'Android debug bridge (adbd)', why: 'is a debug interface that gives a shell', provisions: ['5.6-4', '5.6-1'] },
  'debug-shell': { title: 'Remote debugger', why: 'lets anyone who connects run code on the device', provisions: ['5.6-4', '5.5-5'] },
};

function riskyStart(t: Target, s: Start): FindingDraft | undefined {
  const bind = isBindShell([s.name, ...s.argv.slice(1)]) || isBindShell(s.argv);
  const info = daemonInfo(s.name);
  if (!bind && !info?.risky) return undefined;
  const shellNoLogin = info?.kind === 'telnet' && /(^|\/)(sh|ash|bash)$/.test(s.argv[s.argv.indexOf('-l') + 1] ?? '') && s.argv.includes('-l');
  const r = bind ? { title: 'Network bind shell', why: 'gives a shell to anyone who connects, with no authentication', provisions: ['5.6-4', '5.5-5'] as FindingDraft['provisions'] } : RISK_TEXT[info!.kind]!;
  const unauth = bind || shellNoLogin;
  return {
    provisions: unauth ? [...new Set([...r.provisions, '5.5-5' as const])] : r.provisions,
    severity: unauth ? 'critical' : 'high', verdict: 'fail', key: `start:${s.by}:${s.line}:${s.name}`,
    title: `${r.title} started ${s.onDemand ? 'on demand' : 'at boot'}${unauth ? ' without authentication' : ''}`,
    detail: `${startLine(s)}. It ${r.why}${shellNoLogin ? '; `-l` runs a shell directly, so no password is asked' : ''}.${allInterfaces(s) ? ' It listens on every interface.' : ''}`,
    location: where(t, s.by, s.line ? { line: s.line } : {}), evidence: s.argv.join(' ').slice(0, 200),
    remediation: `Do not start ${s.name} in production builds (remove it from ${s.by}${s.mechanism === 'inetd' ? ', i.e. comment out the line in inetd.conf' : ''}); use an authenticated, encrypted service (SSH with per-unit keys) if remote access is needed.`,
  };
}

async function configFindings(t: Target, live: readonly Start[]): Promise<FindingDraft[]> {
  const out: FindingDraft[] = [];
  const running = (kind: string) => live.some((s) => daemonInfo(s.name)?.kind === kind);
  if (running('upnp')) {
    for (const h of await upnpInsecure(t.vfs)) {
      out.push({
        provisions: ['5.5-5'], severity: 'high', verdict: 'fail', key: `upnp:${h.path}:${h.line}`,
        title: 'UPnP IGD with secure mode off',
        detail: `${h.path}:${h.line} turns UPnP secure mode off: any host on the LAN (including malware) can open ports in the firewall for any other address without authentication.`,
        location: where(t, h.path, { line: h.line }), evidence: h.text, remediation: 'Enable secure mode (`secure_mode=yes`) or disable UPnP by default.',
      });
    }
  }
  if (running('snmp')) {
    for (const h of await snmpDefaults(t.vfs)) {
      out.push({
        provisions: h.write ? ['5.5-5', '5.6-2'] : ['5.6-2'], severity: h.write ? 'high' : 'medium', verdict: 'fail', key: `snmp:${h.path}:${h.line}`,
        title: `SNMP with a default ${h.write ? 'read-write' : 'read-only'} community`,
        detail: `${h.path}:${h.line} configures a well-known community string: anyone who can reach the agent can ${h.write ? 'change the configuration' : 'read the device\'s configuration and state'} without a password.`,
        location: where(t, h.path, { line: h.line }), evidence: h.text.replace(/(public|private)/, (m) => `${m.slice(0, 1)}******`),
        remediation: 'Disable SNMP by default, or use SNMPv3 with per-unit credentials.',
      });
    }
  }
  return out;
}

function rootFindings(t: Target, live: readonly Start[]): FindingDraft[] {
  const seen = new Set<string>();
  const out: FindingDraft[] = [];
  for (const s of live) {
    const info = daemonInfo(s.name);
    if (!info?.canDropRoot || (s.user && s.user !== 'root') || seen.has(s.name) || /(^|\s)-u\s|--user/.test(s.argv.join(' '))) continue;
    seen.add(s.name);
    out.push({
      provisions: ['5.6-7'], severity: 'low', verdict: 'fail', key: `root:${s.name}`,
      title: `${s.name} runs as root`,
      detail: `${startLine(s)}, with no user set: a network-facing ${info.kind} service runs with full privileges, so any flaw in it is a root compromise.`,
      location: where(t, s.by, s.line ? { line: s.line } : {}), evidence: s.argv.join(' ').slice(0, 200),
      remediation: `Run ${s.name} as a dedicated unprivileged user (its own user option, procd \`user\`, systemd \`User=\`, or start-stop-daemon \`-c\`).`,
    });
  }
  return out;
}

function exposure(t: Target, live: readonly Start[]): FindingDraft[] {
  const wide = live.filter((s) => { const i = daemonInfo(s.name); return i && !i.risky && i.kind !== 'cron' && i.kind !== 'super-server' && allInterfaces(s); });
  if (wide.length === 0) return [];
  const names = [...new Set(wide.map((s) => s.name))].sort();
  return [{
    provisions: ['5.6-1'], severity: 'low', verdict: 'inconclusive', key: 'all-interfaces',
    title: `${names.length} service(s) listen on all interfaces`,
    detail: `${names.join(', ')} bind to every interface (no address configured): on a device with a WAN side they are reachable from it unless a firewall rule says otherwise. ${wide.slice(0, 5).map(startLine).join('; ')}.`,
    location: where(t, wide[0]!.by, wide[0]!.line ? { line: wide[0]!.line } : {}), evidence: names.join(', '),
    remediation: 'Bind local services to the LAN address or loopback, and firewall the WAN side by default.',
  }];
}

function presentNotStarted(t: Target, boot: BootModel): FindingDraft[] {
  const started = new Set(boot.starts.filter((s) => s.active).map((s) => s.name));
  const present: string[] = [];
  for (const dir of PATH_DIRS) {
    for (const e of t.vfs.children(dir)) {
      const name = e.path.slice(e.path.lastIndexOf('/') + 1);
      if (daemonInfo(name)?.risky && !started.has(name)) present.push(e.path);
    }
  }
  if (present.length === 0) return [];
  return [{
    provisions: ['5.6-5'], severity: 'info', verdict: 'inconclusive', key: 'present-not-started',
    title: 'Risky service binaries present but not started at boot',
    detail: `${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} in the image but nothing in the boot configuration starts ${present.length === 1 ? 'it' : 'them'}. A web page or hidden command can still start them; remove what is not used.`,
    location: where(t, present[0]!), evidence: present.join(', '),
    remediation: 'Remove unused servers (and their BusyBox applets) from production builds.',
  }];
}
