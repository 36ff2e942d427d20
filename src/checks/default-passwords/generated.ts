import type { Vfs } from '../../firmware/types.js';
import { isElf, looksText, printableStrings, readSmall, MAX_BINARY_BYTES } from '../../analysis/tree/index.js';
import { unixCredentials } from './stores-unix.js';
import type { Credential, GeneratedStore, Writer } from './types.js';

// `/etc/passwd -> /var/passwd` where /var is a tmpfs: the real account list is written at boot. Find what
// writes it: scripts that name the target (and the default file they copy or the lines they echo), and
// binaries that contain the target path (and any passwd-format lines compiled into them).

const MAX_WRITERS = 50;
const PASSWD_LINE = /^[a-z_][a-z0-9_-]{0,31}:[^:\s]*:\d{1,5}:\d{1,5}:[^:]*:[^:]*:[^:\s]*$/;

export interface Generated {
  readonly store: GeneratedStore;
  readonly credentials: Credential[];
  /** Default files the writers copy, parsed as passwd. */
  readonly sources: string[];
}

export async function generatedStore(vfs: Vfs, link: string, rawTarget: string): Promise<Generated | undefined> {
  if (vfs.resolve(link)) return undefined;
  const target = rawTarget.startsWith('/') ? rawTarget : `${link.slice(0, link.lastIndexOf('/'))}/${rawTarget}`;
  const writers: Writer[] = [];
  const credentials: Credential[] = [];
  const sources: string[] = [];
  // Programs write either the target or the link itself (which the kernel follows); shared libraries that
  // merely read /etc/passwd (libc) are not writers.
  const needles = [Buffer.from(target), Buffer.from(link)];
  for (const e of vfs.entries()) {
    if (e.type !== 'file' || writers.length >= MAX_WRITERS || e.size > MAX_BINARY_BYTES || e.size < link.length) continue;
    const buf = await readSmall(vfs, e.path, MAX_BINARY_BYTES);
    if (!buf) continue;
    const text = looksText(buf);
    const hit = needles.find((n, i) => buf.indexOf(n) >= 0 && (i === 0 || text || !/\/lib[^/]*\.so(\.|$)/.test(e.path)));
    if (!hit) continue;
    if (text) await scriptWriter(vfs, e.path, buf.toString('utf8'), hit.toString(), writers, credentials, sources);
    else binaryWriter(e.path, buf, hit, writers, credentials, isElf(buf));
  }
  return { store: { path: link, target, writers }, credentials, sources };
}

async function scriptWriter(vfs: Vfs, path: string, text: string, target: string, writers: Writer[], credentials: Credential[], sources: string[]): Promise<void> {
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    if (!raw.includes(target)) continue;
    // For the link path only lines that write it count (a script that reads /etc/passwd is no writer).
    if (!/>|\bcp\b|\bcat\b|\bln\b|\becho\b/.test(raw)) continue;
    writers.push({ path, line: i + 1, how: raw.trim().slice(0, 200) });
    const copy = /\b(?:cp|cat|ln\s+-s|ln\s+-sf)\s+(\/\S+)\s+(?:>\s*)?(\S+)/.exec(raw);
    if (copy && copy[2]!.includes(target) && copy[1] !== target) {
      const src = copy[1]!;
      const buf = await readSmall(vfs, src);
      if (buf && looksText(buf)) {
        sources.push(src);
        credentials.push(...unixCredentials(src, buf.toString('utf8'), undefined, undefined));
      }
    }
    const echoed = /\becho\s+(?:-e\s+)?(.*?)>/.exec(raw);
    const line = echoed?.[1]?.trim().replace(/^["']|["']$/g, '');
    if (line && PASSWD_LINE.test(line)) credentials.push(...unixCredentials(path, `${'\n'.repeat(i)}${line}`, undefined, undefined));
  }
}

function binaryWriter(path: string, buf: Buffer, needle: Buffer, writers: Writer[], credentials: Credential[], elf: boolean): void {
  writers.push({ path, offset: buf.indexOf(needle), how: `${elf ? 'an executable' : 'a data file'} that names ${needle.toString()}` });
  for (const s of printableStrings(buf, 12)) {
    if (!PASSWD_LINE.test(s.text)) continue;
    for (const c of unixCredentials(path, s.text, undefined, undefined)) {
      const { line: _line, ...rest } = c;
      credentials.push({ ...rest, store: 'compiled-in passwd line', offset: s.offset });
    }
  }
}
