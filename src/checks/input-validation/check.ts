import { isElf, looksText, MAX_BINARY_BYTES, readEntry, targetsOf, unreadImages, where, type Target } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { cgiBinary } from './binary.js';
import { isCgiBinary, isWebPath, languageOf } from './files.js';
import { flowsOf } from './flows.js';
import type { Flow } from './types.js';

const MAX_FINDINGS = 200;
const FIX_SHELL = 'Never build a shell command from request input: validate each parameter against a strict pattern (numbers with tonumber/intval, names and addresses with an anchored whitelist match), then pass it as a separate argument (exec with an argument list, escapeshellarg, luci.util.shellquote), not through eval or sh -c.';
const FIX_SQL = 'Use prepared statements with bound parameters for every query that contains request input.';

interface Tally { scripts: Record<string, number>; binaries: number; unreadable: number; layers: string[] }

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const out = unreadImages(ctx.evidence.firmware, ['5.13-1'], 'Input validation of web scripts');
  // One summary per image (not per layer): an image's layers are often containers holding the next one.
  const images = new Map<string, { first: Target; tally: Tally; found: number }>();
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`web request handlers in ${t.image}`);
    const img = images.get(t.image) ?? { first: t, tally: { scripts: {}, binaries: 0, unreadable: 0, layers: [] }, found: 0 };
    images.set(t.image, img);
    const mine = await examine(t, img.tally);
    img.found += mine.length;
    out.push(...mine);
  }
  for (const { first, tally, found } of images.values()) if (found === 0) out.push(summary(first, tally));
  return out;
}

async function examine(t: Target, tally: Tally): Promise<FindingDraft[]> {
  tally.layers.push(t.vfs.layer);
  const mine: FindingDraft[] = [];
  const programs = cgiPrograms(t);
  const web = t.vfs.entries().filter((e) => e.type === 'file' && e.size > 0 && (isWebPath(e.path) || programs.has(e.path)));
  for (const e of web) {
    if (mine.length >= MAX_FINDINGS) break;
    const buf = await readEntry(t.vfs, e, MAX_BINARY_BYTES);
    if (!buf) continue;
    if (isElf(buf)) {
      if (isCgiBinary(e.path) || programs.has(e.path)) mine.push(...binaryFindings(t, e.path, programs.get(e.path) ?? [], buf, tally));
      continue;
    }
    const lang = looksText(buf) ? languageOf(e.path, buf.toString('latin1', 0, 4096)) : undefined;
    if (!lang) continue;
    tally.scripts[lang.name] = (tally.scripts[lang.name] ?? 0) + 1;
    mine.push(...scriptFindings(t, e.path, flowsOf(lang, buf.toString('utf8'))));
  }
  return mine;
}

/** Programs that CGI names link to (`/htdocs/web/service.cgi -> /htdocs/cgibin`), with the names. */
function cgiPrograms(t: Target): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of t.vfs.entries()) {
    if (e.type !== 'symlink' || !isCgiBinary(e.path)) continue;
    const target = t.vfs.resolve(e.path);
    if (target?.type !== 'file') continue;
    out.set(target.path, [...(out.get(target.path) ?? []), e.path]);
  }
  return out;
}

function scriptFindings(t: Target, path: string, flows: readonly Flow[]): FindingDraft[] {
  const out: FindingDraft[] = flows.filter((f) => f.definite).map((f) => ({
    provisions: ['5.13-1'], severity: 'high', verdict: 'fail', key: `flow:${f.line}`,
    title: `Request input passed unchecked into a${f.sink === 'sql' ? 'n SQL' : ' shell'} call in ${path}`,
    detail: `${path}:${f.line} passes ${f.via} straight into a ${f.sink === 'sql' ? 'database query' : 'command that the shell parses'} with nothing validating or escaping it in that statement: a request can inject ${f.sink === 'sql' ? 'SQL' : 'commands, which run with the web server\'s privileges (often root)'}.`,
    location: where(t, path, { line: f.line }), evidence: f.code, remediation: f.sink === 'sql' ? FIX_SQL : FIX_SHELL,
  }));
  const review = flows.filter((f) => !f.definite);
  if (review.length > 0) {
    const shell = review.some((f) => f.sink === 'shell');
    const lines = review.slice(0, 10).map((f) => `line ${f.line}: ${f.via} -> ${f.sink === 'argument' ? 'unquoted command argument' : `${f.sink} call`}`);
    out.push({
      provisions: ['5.13-1'], severity: shell ? 'medium' : 'low', verdict: 'inconclusive', key: 'review',
      title: `Request input reaches ${shell ? 'shell' : review.some((f) => f.sink === 'sql') ? 'SQL' : 'command'} calls in ${path}: review its validation`,
      detail: `${path} uses request input in ${review.length} place(s) where validation cannot be seen in the same statement: ${lines.join('; ')}${review.length > 10 ? '; ...' : ''}. Check that each value is validated (pattern, number conversion, escaping) before it is used.`,
      location: where(t, path, { line: review[0]!.line }), evidence: review.slice(0, 3).map((f) => f.code).join(' | ').slice(0, 400),
      remediation: review.some((f) => f.sink === 'sql') && !shell ? FIX_SQL : FIX_SHELL,
    });
  }
  return out;
}

function binaryFindings(t: Target, path: string, names: readonly string[], buf: Buffer, tally: Tally): FindingDraft[] {
  tally.binaries++;
  const b = cgiBinary(buf);
  if (b === 'unreadable') { tally.unreadable++; return []; }
  if (!b) return [];
  return [{
    provisions: ['5.13-1'], severity: 'medium', verdict: 'inconclusive', key: 'cgi-binary',
    title: `CGI program ${path} runs commands and reads request input: review its validation`,
    detail: `${path}${names.length ? ` (run as ${names.slice(0, 8).join(', ')}${names.length > 8 ? `, and ${names.length - 8} more` : ''})` : ''} imports ${b.runs.join(', ')} and reads the request (${b.input.join(', ')}). Whether request values reach the command unvalidated cannot be decided from the symbol table; review the handler's source or disassembly.`,
    location: where(t, path), evidence: `imports: ${b.runs.join(', ')}; input: ${b.input.join(', ')}`, remediation: FIX_SHELL,
  }];
}

function summary(t: Target, tally: Tally): FindingDraft {
  const layers = `${tally.layers.length} filesystem(s) (${tally.layers.slice(0, 5).join(', ')}${tally.layers.length > 5 ? ', ...' : ''})`;
  const scripts = Object.entries(tally.scripts).sort().map(([l, n]) => `${n} ${l}`).join(', ');
  const searched = 'web roots (/www, /var/www, /htdocs, cgi-bin folders, the LuCI Lua tree) for shell, Lua and PHP scripts and CGI programs';
  const unread = tally.unreadable ? ` ${tally.unreadable} CGI program(s) without a readable dynamic symbol table (static or malformed) were not examined.` : '';
  if (!scripts && tally.binaries === tally.unreadable) {
    return {
      provisions: ['5.13-1'], severity: 'info', verdict: 'inconclusive', key: 'no-web-handlers',
      title: 'No web scripts or CGI programs found',
      detail: `${layers} of ${t.image} were searched in ${searched}; none was found that could be examined.${unread} Input the device takes elsewhere (web servers with built-in handlers, other network services, apps) is not examined by this check.`,
      location: { image: t.image }, evidence: '', remediation: 'Nothing to fix here; document how the device validates input from its other interfaces.',
    };
  }
  return {
    // Not finding an unchecked flow does not show that every input is validated: no provision is settled.
    provisions: [], severity: 'info', verdict: 'pass', key: 'clean',
    title: 'No unvalidated request input reaches a shell or SQL call in the web scripts',
    detail: `${layers} of ${t.image}: ${scripts || 'no'} script(s) and ${tally.binaries} CGI program(s) were examined; no request value reaches eval, sh -c, os.execute, io.popen, system/exec, a query or an unquoted command argument without validation, and no CGI program both runs commands and reads the request.${unread}`,
    location: { image: t.image }, evidence: '', remediation: 'Nothing to fix.',
  };
}
