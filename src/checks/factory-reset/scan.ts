import { argvOf, commandsOf, findProgram } from '../../analysis/boot/index.js';
import { forEachFile, isElf, looksText, MAX_BINARY_BYTES, stringsAround } from '../../analysis/tree/index.js';
import type { Vfs } from '../../firmware/types.js';
import { commandPiece, isComment, isWebFile, linePiece, RESET_WORDS, type Piece } from './pieces.js';

// One pass over a tree: reset pieces in scripts and web files, button handlers, and reset strings in programs.

/** Scripts and pages larger than this are not read line by line. */
const MAX_SCRIPT_BYTES = 1024 * 1024;
const MAX_PIECES = 200;
const MAX_HINTS = 20;

const SKIP = /^\/usr\/(share\/(doc|man|info|locale|i18n|zoneinfo|common-licenses|perl5?|vim|terminfo)|include|src|lib\/(python|perl))\/|\.(po|mo|pot|h|c|md|txt|svg|css|png|jpe?g|gif|ico|gz|xz)$/;

/** Where physical buttons are handled: OpenWrt rc.button and hotplug button scripts, triggerhappy, acpid. */
const BUTTON = /^\/etc\/(rc\.button|hotplug\.d\/button|triggerhappy|acpi\/events)\//;

export interface Hint {
  readonly path: string;
  readonly offset?: number;
  readonly text: string;
}

export interface Scan {
  readonly pieces: Piece[];
  readonly hints: Hint[];
  /** Button handler scripts found, whether or not they reset anything. */
  readonly buttons: string[];
}

const NEEDLES = ['actory', 'ACTORY', 'jffs2reset', 'firstboot', 'nvram erase', 'mtd erase', 'estore_default', 'estoreDefault', 'estore default', 'eset to default', 'eset_to_default'].map((s) => Buffer.from(s));
const HINT = /factory[ _-]?(reset|defaults?|restore|settings?)(?![a-z_])|restore[ _-]?factory|restore (the )?defaults?(?![a-z_])|reset(ting)? to (the )?(factory|defaults?)|jffs2reset|firstboot -y|nvram (erase|default)\b|mtd (-r )?erase/i;

export async function scanTree(vfs: Vfs): Promise<Scan> {
  const pieces: Piece[] = [];
  const hints: Hint[] = [];
  const calls = new Map<string, string[]>();
  await forEachFile(vfs, MAX_BINARY_BYTES, (e, buf) => {
    if (SKIP.test(e.path)) return;
    if (isElf(buf)) {
      if (hints.length < MAX_HINTS) for (const s of stringsAround(buf, NEEDLES, 8, 20)) if (HINT.test(s.text) && hints.length < MAX_HINTS) hints.push({ path: e.path, offset: s.offset, text: s.text.slice(0, 160) });
      return;
    }
    if (buf.length > MAX_SCRIPT_BYTES || !looksText(buf) || pieces.length >= MAX_PIECES) return;
    const text = buf.toString('utf8');
    const button = BUTTON.test(e.path);
    if (isShell(text, e.path)) {
      const resetish = { byPath: RESET_WORDS.test(e.path), byText: RESET_WORDS.test(text) };
      const lines = text.split('\n');
      const called: string[] = [];
      for (const c of commandsOf(text)) {
        const argv = argvOf(c.words);
        const kind = commandPiece(argv, resetish);
        if (kind) pieces.push({ kind, path: e.path, line: c.line, text: (lines[c.line - 1] ?? '').trim().slice(0, 160), button });
        if (button && argv[0] && argv[0] !== '.' && argv[0] !== 'source') called.push(/^(ba|a|da)?sh$/.test(argv[0]) ? (argv[1] ?? '') : argv[0]);
      }
      if (button) calls.set(e.path, called);
      // A CGI shell script dispatches on request values (`action=factory_reset)`), which are not commands.
      if (isWebFile(e.path)) linePieces(text, e.path, true, button, pieces, new Set(pieces.filter((p) => p.path === e.path).map((p) => p.line)));
      return;
    }
    linePieces(text, e.path, isWebFile(e.path), button, pieces, new Set());
  });
  markButtonCalls(vfs, pieces, calls);
  pieces.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  hints.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.offset ?? 0) - (b.offset ?? 0)));
  return { pieces: pieces.slice(0, MAX_PIECES), hints, buttons: [...calls.keys()].sort() };
}

function linePieces(text: string, path: string, web: boolean, button: boolean, out: Piece[], skip: ReadonlySet<number>): void {
  text.split('\n').forEach((raw, i) => {
    if (skip.has(i + 1) || isComment(raw)) return;
    const kind = linePiece(raw, web);
    if (kind) out.push({ kind, path, line: i + 1, text: raw.trim().slice(0, 160), button });
  });
}

function isShell(text: string, path: string): boolean {
  if (/^#!\s*\S*\/(sh|ash|bash|hush|dash)\b/.test(text) || /^#!\s*\/usr\/bin\/env\s+(sh|bash)\b/.test(text)) return true;
  return !text.startsWith('#!') && (/\/(init\.d|rc\.d|rc\.button|hotplug\.d|preinit|uci-defaults)\//.test(path) || /\.sh$/.test(path));
}

/** A piece in a script that a button handler runs (one call deep) is triggered by the button too. */
function markButtonCalls(vfs: Vfs, pieces: Piece[], calls: Map<string, string[]>): void {
  const targets = new Set<string>();
  for (const called of calls.values()) {
    for (const word of called) {
      const path = findProgram(vfs, word);
      if (path) targets.add(path);
      const entry = path ? vfs.get(path) : undefined;
      if (entry?.type === 'symlink' && entry.target) targets.add(entry.target.startsWith('/') ? entry.target : `${path!.slice(0, path!.lastIndexOf('/'))}/${entry.target}`);
    }
  }
  for (const p of pieces) if (targets.has(p.path)) p.button = true;
}
