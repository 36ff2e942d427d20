import { bootOf } from '../../analysis/boot/index.js';
import type { Vfs } from '../../firmware/types.js';

// Where each server's configuration lives: the usual paths (as Debian, Buildroot, Yocto and OpenWrt install
// them) and the files named on the command lines the boot starts (`nginx -c`, `lighttpd -f`, `sshd -f`,
// `mosquitto -c`, `stunnel <file>`).

export type Server = 'nginx' | 'lighttpd' | 'uhttpd' | 'mosquitto' | 'stunnel' | 'sshd' | 'dropbear';

const PATHS: readonly [Server, RegExp][] = [
  ['nginx', /^\/etc\/nginx\/(nginx\.conf|conf\.d\/[^/]+\.conf|sites-enabled\/[^/]+|[^/]+\.conf)$/],
  ['nginx', /^\/usr\/local\/nginx\/conf\/nginx\.conf$/],
  ['lighttpd', /^\/etc\/lighttpd\/(?:[^/]+\.conf|conf\.d\/[^/]+\.conf|conf-enabled\/[^/]+\.conf)$/],
  ['lighttpd', /^\/etc\/lighttpd\.conf$/],
  ['uhttpd', /^\/etc\/config\/uhttpd$/],
  ['mosquitto', /^\/etc\/mosquitto\/(mosquitto\.conf|conf\.d\/[^/]+\.conf)$|^\/etc\/mosquitto\.conf$/],
  ['stunnel', /^\/etc\/stunnel\/[^/]+\.conf$|^\/etc\/stunnel\.conf$/],
  ['sshd', /^\/etc\/ssh\/sshd_config(\.d\/[^/]+\.conf)?$|^\/etc\/sshd_config$|^\/usr\/local\/etc\/sshd_config$/],
  ['dropbear', /^\/etc\/config\/dropbear$/],
];

/** The option naming the configuration file, per program. */
const CONFIG_FLAG: Partial<Record<Server, string>> = { nginx: '-c', lighttpd: '-f', sshd: '-f', mosquitto: '-c' };

const PROGRAMS: Record<string, Server> = { nginx: 'nginx', lighttpd: 'lighttpd', sshd: 'sshd', mosquitto: 'mosquitto', stunnel: 'stunnel', stunnel4: 'stunnel', uhttpd: 'uhttpd', dropbear: 'dropbear', dropbearmulti: 'dropbear' };

export interface ConfigFile {
  readonly server: Server;
  readonly path: string;
}

/** Configuration files of the TLS and SSH servers, by path and by boot command line, sorted and unique. */
export async function configFiles(vfs: Vfs): Promise<ConfigFile[]> {
  const found = new Map<string, Server>();
  for (const e of vfs.entries()) {
    if (e.type !== 'file' && e.type !== 'symlink') continue;
    const hit = PATHS.find(([, re]) => re.test(e.path));
    if (hit && vfs.resolve(e.path)?.type === 'file') found.set(e.path, hit[0]);
  }
  for (const s of (await bootOf(vfs)).starts) {
    const server = PROGRAMS[s.name];
    if (!server) continue;
    const flag = CONFIG_FLAG[server];
    const i = flag ? s.argv.indexOf(flag) : -1;
    const file = server === 'stunnel' ? s.argv.slice(1).find((a) => a.startsWith('/')) : i >= 0 ? s.argv[i + 1] : undefined;
    if (file?.startsWith('/') && vfs.resolve(file)?.type === 'file' && !found.has(file)) found.set(file, server);
  }
  return [...found].map(([path, server]) => ({ server, path })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** dropbear programs in the tree, and the boot commands that start one. */
export async function dropbears(vfs: Vfs): Promise<{ programs: string[]; starts: { by: string; line: number; argv: readonly string[] }[] }> {
  const programs = vfs.entries().filter((e) => e.type === 'file' && /\/(dropbear|dropbearmulti)$/.test(e.path)).map((e) => e.path);
  const starts = (await bootOf(vfs)).starts.filter((s) => s.name === 'dropbear').map((s) => ({ by: s.by, line: s.line, argv: s.argv }));
  return { programs, starts };
}
