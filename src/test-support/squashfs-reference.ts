// Test helpers for the squashfs plug-ins: the reference listing and extraction of Debian's unsquashfs, and the
// same views of our Vfs, so tests can compare them line by line and file by file.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, lstatSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { FsEntry, UnpackContext, Vfs } from '../firmware/types.js';
import { DEFAULT_LIMITS } from '../firmware/types.js';

const TYPE_CHAR: Record<string, string> = { file: '-', dir: 'd', symlink: 'l', char: 'c', block: 'b', fifo: 'p', socket: 's', hardlink: 'h' };

/** `ls -l` style permissions, as unsquashfs prints them. */
export function modeString(type: string, mode: number): string {
  const bit = (b: number, c: string) => (mode & b ? c : '-');
  const special = (x: number, s: number, lower: string, upper: string) => (mode & s ? (mode & x ? lower : upper) : bit(x, 'x'));
  return (TYPE_CHAR[type] ?? '?') +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't', 'T');
}

function stamp(mtime: number): string {
  return new Date(mtime * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** One listing line: path, mode string, numeric owner, size (or major,minor), time, symlink target. */
export function listingLine(e: Pick<FsEntry, 'path' | 'type' | 'mode' | 'uid' | 'gid' | 'size' | 'mtime' | 'target' | 'device'>): string {
  const size = e.device ? `${e.device.major},${e.device.minor}` : e.type === 'dir' ? '-' : String(e.size);
  const target = e.type === 'symlink' ? ` -> ${e.target ?? ''}` : '';
  return `${modeString(e.type, e.mode)} ${e.uid}/${e.gid} ${size} ${stamp(e.mtime)} ${e.path}${target}`;
}

const LINE = /^(\S{10}) (\d+)\/(\d+)\s+(\d+|\d+,\s*\d+) (\d{4}-\d\d-\d\d \d\d:\d\d) (.*)$/;

/** `unsquashfs -lln` in UTC, normalised to listingLine's shape (directory sizes are not compared). */
export function referenceListing(image: string): string[] {
  const r = spawnSync('unsquashfs', ['-lln', '-d', '', image], { env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1024 ** 3 });
  if (r.status !== 0) throw new Error(`unsquashfs -lln ${image} failed: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8').split('\n').filter((l) => LINE.test(l)).map((l) => {
    const [, mode, uid, gid, size, time, rest] = LINE.exec(l)!;
    const path = rest === '' ? '/' : rest!;
    return `${mode} ${uid}/${gid} ${mode!.startsWith('d') ? '-' : size!.replace(/\s+/g, '')} ${time} ${path}`;
  }).sort();
}

export function ourListing(vfs: Vfs): string[] {
  return vfs.entries().map((e) => listingLine(e)).sort();
}

/** sha256 of every regular file under a directory, keyed by absolute path inside it. */
export function hashTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full, `${rel}/${name}`);
      else if (st.isFile()) out.set(`${rel}/${name}`, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(root, '');
  return out;
}

/** Extracts with `unsquashfs -d` into a temp dir and hashes every file; the temp dir is removed. */
export function referenceHashes(image: string): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-unsq-'));
  try {
    const out = join(dir, 'root');
    const r = spawnSync('unsquashfs', ['-no-xattrs', '-n', '-d', out, image], { maxBuffer: 1024 ** 3 });
    if (r.status !== 0) throw new Error(`unsquashfs -d ${image} failed: ${r.stderr.toString()}`);
    return hashTree(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function ourHashes(vfs: Vfs): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of vfs.entries()) {
    if (e.type === 'file' || e.type === 'hardlink') out.set(e.path, createHash('sha256').update(await e.read()).digest('hex'));
  }
  return out;
}

/** An UnpackContext for tests: collects warnings, default limits unless overridden. */
export function testContext(limits: Partial<typeof DEFAULT_LIMITS> = {}): UnpackContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    limits: { ...DEFAULT_LIMITS, ...limits },
    signal: new AbortController().signal,
    layer: 'test',
    warn: (m: string) => warnings.push(m),
    charge: () => undefined,
    warnings,
  };
}
