import type { Vfs } from '../../firmware/types.js';
import { readText } from '../tree/index.js';
import { expandGlob, findProgram, isScript, programName } from './resolve.js';
import { argvOf, commandsOf } from './shell.js';
import type { Mechanism, Start } from './types.js';

// Follows boot scripts: every command of a script that is itself a script in the tree is followed (sh x, . x,
// for-loops over init.d globs, run-parts), everything else is recorded as a program the boot starts, with the
// script and line that start it. Bounded in depth and in the number of scripts.

const MAX_DEPTH = 12;
const MAX_SCRIPTS = 600;
const SHELLS = new Set(['sh', 'ash', 'bash', 'hush', 'dash', '.', 'source']);

export interface FollowState {
  readonly vfs: Vfs;
  readonly starts: Start[];
  readonly scripts: string[];
  readonly seen: Set<string>;
  readonly notes: string[];
}

export function newFollowState(vfs: Vfs): FollowState {
  return { vfs, starts: [], scripts: [], seen: new Set(), notes: [] };
}

/** Records a start of `argv` from `by:line`, or follows it when it is a script. */
export async function runCommand(st: FollowState, argv: readonly string[], by: string, line: number, mechanism: Mechanism, depth: number, user?: string): Promise<void> {
  if (argv.length === 0) return;
  const first = argv[0]!;
  if (SHELLS.has(first) && argv[1] && !argv[1].startsWith('-')) {
    await followScript(st, argv[1], depth + 1, first === '.' || first === 'source');
    return;
  }
  const program = findProgram(st.vfs, first);
  if (program && (await scriptText(st.vfs, program)) !== undefined) {
    await followScript(st, program, depth + 1);
    // SysV `rc N` runs the S links of its runlevel folder through a variable the lexer does not evaluate.
    if (/\/rc$/.test(program) && /^[0-6sS]$/.test(argv[1] ?? '')) await followRunlevel(st, argv[1]!.toUpperCase(), depth + 1);
    return;
  }
  if (first === 'run-parts' && argv[argv.length - 1]?.startsWith('/')) {
    for (const p of expandGlob(st.vfs, `${argv[argv.length - 1]!}/*`)) await followScript(st, p, depth + 1);
    return;
  }
  const { name, args } = programName(program ? [program, ...argv.slice(1)] : argv);
  st.starts.push({ program: program ?? first, name, argv: args, mechanism, by, line, onDemand: false, active: true, ...(user ? { user } : {}) });
}

async function scriptText(vfs: Vfs, path: string): Promise<string | undefined> {
  const entry = vfs.resolve(path);
  if (!entry || entry.type !== 'file' || entry.size > 1024 * 1024) return undefined;
  const text = await readText(vfs, path);
  return text !== undefined && isScript(text.slice(0, 64), path) ? text : undefined;
}

/** Follows the start links of a SysV runlevel folder, in order. */
export async function followRunlevel(st: FollowState, level: string, depth: number): Promise<void> {
  for (const dir of [`/etc/rc${level}.d`, `/etc/rc.d/rc${level}.d`]) {
    for (const link of expandGlob(st.vfs, `${dir}/S*`)) await runCommand(st, [link, 'start'], dir, 0, 'rc-link', depth);
  }
}

/** Reads a script and runs each of its commands; loops `for x in GLOB` over their matches. */
export async function followScript(st: FollowState, given: string, depth: number, sourced = false): Promise<void> {
  // Links (rc.d/S50x -> ../init.d/x) are reported as the script they point to, where the lines are.
  const path = st.vfs.resolve(given)?.path ?? given;
  if (depth > MAX_DEPTH || st.seen.has(path)) return;
  if (st.scripts.length >= MAX_SCRIPTS) {
    if (!st.notes.includes('script limit')) st.notes.push('script limit');
    return;
  }
  st.seen.add(path);
  // Files read with `.` (or by a login shell) need no shebang.
  const text = sourced ? await readText(st.vfs, path) : await scriptText(st.vfs, path);
  if (text === undefined) return;
  st.scripts.push(path);
  const loopVars = new Map<string, string[]>();
  for (const cmd of commandsOf(text)) {
    const argv = argvOf(cmd.words);
    if (argv[0] === 'for' && argv[2] === 'in') {
      const matches = argv.slice(3).flatMap((g) => (g.startsWith('/') ? expandGlob(st.vfs, g) : []));
      loopVars.set(argv[1]!, matches);
      continue;
    }
    const loop = /^\$\{?(\w+)\}?$/.exec(argv[0] ?? '');
    if (loop && loopVars.has(loop[1]!)) {
      for (const m of loopVars.get(loop[1]!)!) await runCommand(st, [m, ...argv.slice(1)], path, cmd.line, 'script', depth);
      continue;
    }
    if (SHELLS.has(argv[0] ?? '') && /^"?\$\{?(\w+)\}?"?$/.test(argv[1] ?? '')) {
      const v = /(\w+)/.exec(argv[1]!.replace(/^"?\$\{?/, ''))![1]!;
      for (const m of loopVars.get(v) ?? []) await followScript(st, m, depth + 1);
      continue;
    }
    if (argv[0] === 'procd_set_param' && argv[1] === 'command') {
      await runCommand(st, argv.slice(2), path, cmd.line, 'procd', depth);
      continue;
    }
    if (argv[0] === 'procd_set_param' && argv[1] === 'user' && argv[2]) {
      const last = st.starts.at(-1);
      if (last && last.by === path && last.mechanism === 'procd') st.starts[st.starts.length - 1] = { ...last, user: argv[2] };
      continue;
    }
    if (argv[0] === 'service_start' || argv[0] === 'start-stop-daemon') {
      const { rest, user } = argv[0] === 'service_start' ? { rest: argv.slice(1), user: undefined } : startStopArgs(argv);
      if (rest.length) await runCommand(st, rest, path, cmd.line, 'script', depth, user);
      continue;
    }
    if (argv[0] === 'case' || argv[0] === 'esac' || argv[0]?.endsWith('()')) continue;
    await runCommand(st, argv, path, cmd.line, 'script', depth);
  }
}

/** The program and arguments of `start-stop-daemon -S -x PROG [-c user] -- ARGS`. */
function startStopArgs(argv: readonly string[]): { rest: string[]; user: string | undefined } {
  if (!argv.includes('-S') && !argv.includes('--start')) return { rest: [], user: undefined };
  const at = Math.max(argv.indexOf('-x'), argv.indexOf('--exec'), argv.indexOf('-a'), argv.indexOf('--startas'));
  if (at < 0 || !argv[at + 1]) return { rest: [], user: undefined };
  const dash = argv.indexOf('--');
  const u = Math.max(argv.indexOf('-c'), argv.indexOf('--chuid'));
  return { rest: [argv[at + 1]!, ...(dash >= 0 ? argv.slice(dash + 1) : [])], user: u >= 0 ? argv[u + 1] : undefined };
}
