import type { Vfs } from '../../firmware/types.js';
import { readText } from '../tree/index.js';
import { programName } from './resolve.js';
import type { ConsoleShell, Start } from './types.js';

// systemd: from default.target, every unit pulled in through .wants/.requires links and Wants=/Requires=
// lines, transitively; enabled services' ExecStart= (with User=) and sockets' Listen*= are what starts.

const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];
const MAX_UNITS = 2000;

function findUnit(vfs: Vfs, name: string): string | undefined {
  for (const d of UNIT_DIRS) if (vfs.resolve(`${d}/${name}`)) return `${d}/${name}`;
  const at = name.indexOf('@');
  if (at > 0) {
    const template = `${name.slice(0, at + 1)}${name.slice(name.lastIndexOf('.'))}`;
    for (const d of UNIT_DIRS) if (vfs.resolve(`${d}/${template}`)) return `${d}/${template}`;
  }
  return undefined;
}

function linkedUnits(vfs: Vfs, unit: string): string[] {
  const out: string[] = [];
  for (const d of UNIT_DIRS) for (const suffix of ['.wants', '.requires']) for (const e of vfs.children(`${d}/${unit}${suffix}`)) out.push(e.path.slice(e.path.lastIndexOf('/') + 1));
  return out;
}

export function hasSystemd(vfs: Vfs): boolean {
  return UNIT_DIRS.some((d) => vfs.get(`${d}/default.target`) !== undefined) || vfs.resolve('/lib/systemd/systemd') !== undefined || vfs.resolve('/usr/lib/systemd/systemd') !== undefined;
}

/** Starts from the enabled systemd units, and console units that log in automatically. */
export async function systemdStarts(vfs: Vfs): Promise<{ starts: Start[]; consoles: ConsoleShell[] }> {
  const starts: Start[] = [];
  const consoles: ConsoleShell[] = [];
  const queue = ['default.target'];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < MAX_UNITS) {
    const unit = queue.shift()!;
    if (seen.has(unit)) continue;
    seen.add(unit);
    queue.push(...linkedUnits(vfs, unit));
    const path = findUnit(vfs, unit);
    // An alias (default.target -> multi-user.target) pulls in what the real unit's .wants folders list.
    const real = path ? vfs.resolve(path)?.path : undefined;
    if (real && path && vfs.get(path)?.type === 'symlink' && !real.endsWith(`/${unit}`)) queue.push(real.slice(real.lastIndexOf('/') + 1));
    const text = path ? await readText(vfs, path) : undefined;
    if (!path || text === undefined) continue;
    let user: string | undefined;
    const execs: { line: number; argv: string[] }[] = [];
    const listens: { line: number; value: string; kind: string }[] = [];
    text.split('\n').forEach((raw, i) => {
      const m = /^\s*([A-Za-z]+)\s*=\s*(.*)$/.exec(raw);
      if (!m) return;
      const [, key, value] = m as unknown as [string, string, string];
      if (key === 'Wants' || key === 'Requires' || key === 'Also') queue.push(...value.split(/\s+/).filter(Boolean));
      else if (key === 'User') user = value.trim();
      else if (key === 'ExecStart') execs.push({ line: i + 1, argv: value.replace(/^[-@:+!]+/, '').split(/\s+/).filter(Boolean) });
      else if (key === 'ListenStream' || key === 'ListenDatagram') listens.push({ line: i + 1, value: value.trim(), kind: key === 'ListenStream' ? 'tcp' : 'udp' });
    });
    for (const e of execs) {
      const { name, args } = programName(e.argv);
      starts.push({ program: e.argv[0] ?? '', name, argv: args, mechanism: 'systemd', by: path, line: e.line, onDemand: false, active: true, ...(user ? { user } : {}) });
      if (/getty/.test(name) && e.argv.some((a) => a.startsWith('--autologin') || a === '-a')) {
        consoles.push({ by: path, line: e.line, tty: unit, process: e.argv.join(' '), why: 'getty logs a user in automatically' });
      }
    }
    for (const l of listens) {
      const bind = /^(\d+)$/.test(l.value) ? undefined : l.value.replace(/:\d+$/, '');
      const service = { name: unit, protocol: l.kind, ...(bind ? { bind } : {}) };
      starts.push({ program: unit, name: unit.replace(/\.socket$/, ''), argv: [], mechanism: 'systemd-socket', by: path, line: l.line, onDemand: true, active: true, service });
    }
  }
  return { starts, consoles };
}
