// Test helpers for the squashfs plug-ins: the reference listing and extraction of Debian's unsquashfs, and the
// same views of our Vfs, so tests can compare them line by line and file by file.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Extended attributes the sample tree sets (when setfattr is installed), by path inside the tree. */
export const SAMPLE_XATTRS: Record<string, Record<string, string>> = {
  '/etc/config': { 'user.comment': 'a config file', 'user.shared': 'x'.repeat(300) },
  '/bin/tool': { 'user.shared': 'x'.repeat(300), 'trusted.note': 'root only' },
  '/etc': { 'user.dir': 'on a directory' },
};

/** Deterministic pseudo-random bytes (compressible or not) for fixture content. */
export function sampleBytes(length: number, seed: number, compressible = true): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = compressible ? 0x61 + (x % 6) : x & 0xff;
  }
  return out;
}

/**
 * Writes a tree that exercises squashfs features: empty, small, block-sized, multi-block and incompressible
 * files, a sparse file, hard links, relative/absolute/long symlinks, long names, a directory big enough for
 * a directory index, nesting, special permission bits, several owners, and xattrs when setfattr exists.
 * Returns the pseudo definitions for devices, fifos and sockets to pass to mksquashfs.
 */
export function writeSampleTree(root: string): string[] {
  const sh = (cmd: string) => {
    const r = spawnSync('sh', ['-c', cmd], { cwd: root });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr.toString()}`);
  };
  const files: Record<string, Buffer> = {
    'empty': Buffer.alloc(0),
    'etc/config': Buffer.from('key=value\nname=iotcop\n'),
    'etc/passwd': Buffer.from('root:x:0:0:root:/root:/bin/sh\n'),
    'bin/tool': Buffer.concat([Buffer.from('\x7fELF', 'latin1'), sampleBytes(70_000, 7)]),
    'bin/random': sampleBytes(40_000, 9, false),
    'data/block4k': sampleBytes(4096, 11),
    'data/block128k': sampleBytes(131_072, 12),
    'data/big': sampleBytes(300_000, 13),
    [`long/${'n'.repeat(255)}`]: Buffer.from('long name\n'),
  };
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), data);
  }
  mkdirSync(join(root, 'many'));
  for (let i = 0; i < 300; i++) writeFileSync(join(root, 'many', `entry-${String(i).padStart(4, '0')}-with-a-longer-name`), String(i));
  mkdirSync(join(root, 'empty-dir'));
  mkdirSync(join(root, 'a/b/c/d/e/f/g/h'), { recursive: true });
  writeFileSync(join(root, 'a/b/c/d/e/f/g/h/deep'), 'deep\n');
  sh('truncate -s 1200000 sparse && printf middle | dd of=sparse bs=1 seek=600000 conv=notrunc 2>/dev/null && printf end | dd of=sparse bs=1 seek=1199997 conv=notrunc 2>/dev/null');
  sh('ln bin/tool bin/tool-hardlink && ln etc/passwd etc/passwd.hard');
  sh(`ln -s tool bin/rel-link && ln -s /etc/passwd abs-link && ln -s ${'t'.repeat(1000)} long-link && ln -s missing dangling`);
  sh('chmod 4755 bin/tool && chmod 1777 empty-dir && chmod 2750 a && chmod 600 etc/passwd');
  sh('chown 1000:1000 data/big && chown 0:42 etc/config && chown 65534:65534 many');
  if (hasSetfattr()) {
    for (const [path, attrs] of Object.entries(SAMPLE_XATTRS)) {
      for (const [k, v] of Object.entries(attrs)) sh(`setfattr -n ${k} -v '${v}' .${path}`);
    }
  }
  return ['dev/null c 666 0 0 1 3', 'dev/sda1 b 660 0 6 8 1', 'dev/big c 600 0 0 300 70000', 'run/fifo i 644 0 0 f', 'run/sock i 600 1 2 s'];
}

let setfattrWorks: boolean | undefined;
/** True when setfattr is installed and the temp filesystem takes user and trusted xattrs. */
export function hasSetfattr(): boolean {
  if (setfattrWorks === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'iotcop-xattr-'));
    writeFileSync(join(dir, 'f'), '');
    setfattrWorks = spawnSync('setfattr', ['-n', 'trusted.t', '-v', '1', join(dir, 'f')]).status === 0
      && spawnSync('setfattr', ['-n', 'user.t', '-v', '1', join(dir, 'f')]).status === 0;
    rmSync(dir, { recursive: true, force: true });
  }
  return setfattrWorks;
}
