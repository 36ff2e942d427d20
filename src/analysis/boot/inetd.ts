import type { Vfs } from '../../firmware/types.js';
import { readText } from '../tree/index.js';
import { programName } from './resolve.js';
import type { Start } from './types.js';

// Super-servers: inetd.conf lines (`service socket protocol wait user server args`) and xinetd service blocks.
// Their services run on connection, and only if inetd/xinetd itself is started (`active`).

export async function inetdStarts(vfs: Vfs, active: boolean): Promise<Start[]> {
  const out: Start[] = [];
  const text = await readText(vfs, '/etc/inetd.conf');
  if (text === undefined) return out;
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith('#')) return;
    const f = t.split(/\s+/);
    if (f.length < 6) return;
    const [svc, , proto, , user, server, ...args] = f as [string, string, string, string, string, string, ...string[]];
    const argv = server === 'internal' ? [svc] : args.length ? [server, ...args.slice(1)] : [server];
    const { name } = programName(server === 'internal' ? [svc] : [server, ...args.slice(1)]);
    const colon = svc.lastIndexOf(':');
    const service = { name: colon > 0 ? svc.slice(colon + 1) : svc, protocol: proto, ...(colon > 0 ? { bind: svc.slice(0, colon) } : {}) };
    out.push({ program: server, name, argv, mechanism: 'inetd', by: '/etc/inetd.conf', line: i + 1, user: user.split(/[.:]/)[0]!, onDemand: true, active, service });
  });
  return out;
}

export async function xinetdStarts(vfs: Vfs, active: boolean): Promise<Start[]> {
  const out: Start[] = [];
  const files = ['/etc/xinetd.conf', ...vfs.children('/etc/xinetd.d').map((e) => e.path)];
  for (const path of files) {
    const text = await readText(vfs, path);
    if (text === undefined) continue;
    for (const m of text.matchAll(/^[ \t]*service[ \t]+(\S+)\s*\{([^}]*)\}/gm)) {
      const body = m[2]!;
      const get = (k: string) => new RegExp(`^[ \\t]*${k}[ \\t]*=[ \\t]*(.+)$`, 'm').exec(body)?.[1]?.trim();
      if (get('disable') === 'yes') continue;
      const server = get('server') ?? m[1]!;
      const line = text.slice(0, m.index).split('\n').length;
      const bind = get('bind') ?? get('interface');
      const user = get('user');
      const service = { name: m[1]!, protocol: get('protocol') ?? 'tcp', ...(bind ? { bind } : {}) };
      out.push({
        program: server, name: programName([server]).name, argv: [server, ...(get('server_args')?.split(/\s+/) ?? [])],
        mechanism: 'xinetd', by: path, line, onDemand: true, active, service, ...(user ? { user } : {}),
      });
    }
  }
  return out;
}
