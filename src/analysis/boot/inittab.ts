import type { ConsoleShell } from './types.js';

// inittab in both dialects: SysV `id:runlevels:action:process` and BusyBox `tty::action:process` (the id field
// is the terminal; runlevels are ignored).

export interface InittabEntry {
  readonly line: number;
  readonly id: string;
  readonly runlevels: string;
  readonly action: string;
  readonly process: string;
}

export function parseInittab(text: string): InittabEntry[] {
  const out: InittabEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith('#')) return;
    const parts = t.split(':');
    if (parts.length < 4) return;
    out.push({ line: i + 1, id: parts[0]!, runlevels: parts[1]!, action: parts[2]!, process: parts.slice(3).join(':').trim() });
  });
  return out;
}

const SHELLS = /(^|\/)-?(sh|ash|bash|hush|msh|zsh|dash)$/;

/**
 * Console entries that give a shell without a password: a shell run directly (`::respawn:/bin/sh`,
 * `::askfirst:-/bin/sh`), getty told to skip login (`-n -l /bin/sh`), or login forced (`login -f root`).
 */
export function consoleShells(entries: readonly InittabEntry[], by: string): ConsoleShell[] {
  const out: ConsoleShell[] = [];
  for (const e of entries) {
    if (!['respawn', 'askfirst', 'once'].includes(e.action)) continue;
    const argv = e.process.split(/\s+/).filter(Boolean);
    const prog = (argv[0] ?? '').replace(/^-/, '');
    const tty = e.id || 'console';
    let why: string | undefined;
    if (SHELLS.test(prog) && argv.length === 1) why = `runs ${prog} on ${tty} with no login`;
    else if (/getty$/.test(prog) && argv.includes('-n') && argv.includes('-l')) why = `getty skips the login prompt and runs ${argv[argv.indexOf('-l') + 1] ?? '?'}`;
    else if (/getty$/.test(prog) && argv.some((a) => a === '-a' || a.startsWith('--autologin'))) why = 'getty logs a user in automatically';
    else if (/(^|\/)login$/.test(prog) && argv.includes('-f')) why = 'login -f skips authentication';
    if (why) out.push({ by, line: e.line, tty, process: e.process, why });
  }
  return out;
}
