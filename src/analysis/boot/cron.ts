import type { Vfs } from '../../firmware/types.js';
import { readText } from '../tree/index.js';
import { programName } from './resolve.js';
import { argvOf, commandsOf } from './shell.js';
import type { Start } from './types.js';

// Cron tables: /etc/crontab and /etc/cron.d/* (with a user field), per-user tables in /etc/crontabs and
// /var/spool/cron/crontabs (the file name is the user). Jobs run only if a cron daemon is started.

const SYSTEM = ['/etc/crontab'];
const SYSTEM_DIRS = ['/etc/cron.d'];
const USER_DIRS = ['/etc/crontabs', '/var/spool/cron/crontabs', '/var/spool/cron'];

export async function cronStarts(vfs: Vfs, active: boolean): Promise<Start[]> {
  const out: Start[] = [];
  const tables: { path: string; user?: string }[] = [
    ...SYSTEM.map((path) => ({ path })),
    ...SYSTEM_DIRS.flatMap((d) => vfs.children(d).map((e) => ({ path: e.path }))),
    ...USER_DIRS.flatMap((d) => vfs.children(d).filter((e) => e.type === 'file').map((e) => ({ path: e.path, user: e.path.slice(e.path.lastIndexOf('/') + 1) }))),
  ];
  for (const table of tables) {
    const text = await readText(vfs, table.path);
    if (text === undefined) continue;
    text.split('\n').forEach((raw, i) => {
      const t = raw.trim();
      if (!t || t.startsWith('#') || /^[A-Za-z_]+=/.test(t)) return;
      const fields = t.split(/\s+/);
      const timeFields = t.startsWith('@') ? 1 : 5;
      const user = table.user ?? fields[timeFields];
      const command = fields.slice(timeFields + (table.user ? 0 : 1)).join(' ');
      for (const c of commandsOf(command)) {
        const argv = argvOf(c.words);
        if (argv.length === 0) continue;
        const { name, args } = programName(argv);
        out.push({ program: argv[0]!, name, argv: args, mechanism: 'cron', by: table.path, line: i + 1, onDemand: true, active, ...(user && user !== 'root' ? { user } : {}) });
      }
    });
  }
  return out;
}
