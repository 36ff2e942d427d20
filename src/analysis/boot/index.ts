import type { Vfs } from '../../firmware/types.js';
import { readText } from '../tree/index.js';
import { cronStarts } from './cron.js';
import { followRunlevel, followScript, newFollowState, runCommand } from './follow.js';
import { inetdStarts, xinetdStarts } from './inetd.js';
import { consoleShells, parseInittab } from './inittab.js';
import { expandGlob } from './resolve.js';
import { hasSystemd, systemdStarts } from './systemd.js';
import type { BootModel, ConsoleShell, Start } from './types.js';

export type { BootModel, ConsoleShell, Mechanism, Start } from './types.js';
export { daemonInfo, isBindShell, type DaemonInfo, type ServiceKind } from './daemons.js';
export { commandsOf, argvOf, type SimpleCommand } from './shell.js';
export { findProgram, programName, PATH_DIRS } from './resolve.js';

const BOOT_ACTIONS = new Set(['sysinit', 'wait', 'once', 'respawn', 'askfirst', 'boot', 'bootwait']);

function isBusyboxInit(vfs: Vfs): boolean {
  const init = vfs.get('/sbin/init');
  return init?.type === 'symlink' && /busybox$/.test(init.target ?? '');
}

const cache = new WeakMap<Vfs, Promise<BootModel>>();

/** analyzeBoot, computed once per tree (several checks ask). */
export function bootOf(vfs: Vfs): Promise<BootModel> {
  let model = cache.get(vfs);
  if (!model) cache.set(vfs, (model = analyzeBoot(vfs)));
  return model;
}

/** Works out what the tree starts at boot: init configuration, scripts, systemd units, inetd/xinetd, cron. */
export async function analyzeBoot(vfs: Vfs): Promise<BootModel> {
  const st = newFollowState(vfs);
  const consoles: ConsoleShell[] = [];
  let init: BootModel['init'] = 'unknown';
  if (hasSystemd(vfs)) {
    init = 'systemd';
    const sd = await systemdStarts(vfs);
    st.starts.push(...sd.starts);
    consoles.push(...sd.consoles);
  }
  const inittab = await readText(vfs, '/etc/inittab');
  const procd = vfs.resolve('/sbin/procd') !== undefined;
  if (inittab !== undefined && init === 'unknown') init = procd ? 'procd' : isBusyboxInit(vfs) ? 'busybox' : 'sysv';
  if (inittab !== undefined) {
    const entries = parseInittab(inittab);
    consoles.push(...consoleShells(entries, '/etc/inittab'));
    for (const e of entries) {
      if (!BOOT_ACTIONS.has(e.action)) continue;
      const argv = e.process.replace(/^-/, '').split(/\s+/).filter(Boolean);
      await runCommand(st, argv, '/etc/inittab', e.line, 'inittab', 0);
      // A login shell (`-/bin/sh`) reads /etc/profile, which some firmware uses to start its services.
      if (e.process.startsWith('-') && /(^|\/)(sh|ash|bash|hush|msh)$/.test(argv[0] ?? '')) await followScript(st, '/etc/profile', 1, true);
    }
  } else if (init === 'unknown' && isBusyboxInit(vfs)) {
    init = 'busybox';
    st.notes.push('no /etc/inittab: BusyBox init runs /etc/init.d/rcS and askfirst shells on the consoles');
    consoles.push({ by: '/sbin/init', line: 0, tty: 'console', process: '-/bin/sh', why: 'BusyBox init without /etc/inittab starts an askfirst shell with no login' });
    await followScript(st, '/etc/init.d/rcS', 1);
  }
  if (procd) {
    if (init === 'unknown') init = 'procd';
    for (const link of expandGlob(vfs, '/etc/rc.d/S*')) await runCommand(st, [link, 'boot'], link, 0, 'rc-link', 0);
  }
  if (init === 'sysv' && !st.scripts.some((s) => /\/rc$/.test(s))) {
    const level = /^[^:]*:(\d):initdefault:/m.exec(inittab ?? '')?.[1] ?? '2';
    await followRunlevel(st, 'S', 1);
    await followRunlevel(st, level, 1);
  }
  const started = (names: string[]) => st.starts.some((s) => names.includes(s.name) && !s.onDemand);
  const starts: Start[] = [
    ...st.starts,
    ...(await inetdStarts(vfs, started(['inetd']))),
    ...(await xinetdStarts(vfs, started(['xinetd']))),
    ...(await cronStarts(vfs, started(['crond', 'cron']))),
  ];
  return { init, starts, consoles, scripts: st.scripts, notes: st.notes };
}
