import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormatError } from '../../firmware/errors.js';
import { unpackImage } from '../../firmware/index.js';
import { corpusFile, hasTool, run } from '../../test-support/corpus.js';
import { dynamicInfo } from './index.js';

/** readelf's view of the dynamic symbols (read through the dynamic segment, as for sstrip'ed files): names without version suffix, imports and definitions. */
function reference(path: string): { imports: string[]; defined: string[]; needed: string[] } {
  const syms = run('readelf', ['-W', '--use-dynamic', '--syms', path]).toString().split('\n');
  const imports = new Set<string>();
  const defined = new Set<string>();
  for (const l of syms) {
    const f = l.trim().split(/\s+/);
    if (!/^\d+:$/.test(f[0] ?? '') || f.length < 8) continue;
    const name = f[7]!.replace(/@.*$/, '');
    if (name) (f[6] === 'UND' ? imports : defined).add(name);
  }
  const needed = [...run('readelf', ['-W', '-d', path]).toString().matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]!);
  return { imports: [...imports].sort(), defined: [...defined].sort(), needed };
}

function ours(buf: Buffer): { imports: string[]; defined: string[]; needed: string[] } {
  const info = dynamicInfo(buf);
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return { imports: uniq(info.symbols.filter((s) => !s.defined).map((s) => s.name)), defined: uniq(info.symbols.filter((s) => s.defined).map((s) => s.name)), needed: [...info.needed] };
}

/** Removes the section header table as sstrip does, so only the dynamic segment is left to read. */
function sstrip(buf: Buffer): Buffer {
  const copy = Buffer.from(buf);
  const le = copy[5] === 1;
  const u16 = (at: number) => (le ? copy.writeUInt16LE(0, at) : copy.writeUInt16BE(0, at));
  if (copy[4] === 2) {
    if (le) copy.writeBigUInt64LE(0n, 40);
    else copy.writeBigUInt64BE(0n, 40);
    for (const at of [58, 60, 62]) u16(at);
  } else {
    if (le) copy.writeUInt32LE(0, 32);
    else copy.writeUInt32BE(0, 32);
    for (const at of [46, 48, 50]) u16(at);
  }
  return copy;
}

const HOST = ['/bin/ls', '/usr/bin/env', '/usr/bin/sqlite3', '/lib/x86_64-linux-gnu/libc.so.6', '/lib/aarch64-linux-gnu/libc.so.6'].filter((p) => existsSync(p)).map((p) => realpathSync(p));

test('dynamic symbols and needed libraries of host binaries equal readelf, with and without section headers', { skip: hasTool('readelf') ? false : 'readelf (binutils) not installed' }, () => {
  assert.ok(HOST.length > 0);
  for (const path of HOST) {
    const buf = readFileSync(path);
    const ref = reference(path);
    assert.deepEqual(ours(buf), ref, path);
    const stripped = ours(sstrip(buf));
    assert.deepEqual(stripped.imports, ref.imports, `${path} without section headers`);
    assert.deepEqual(stripped.needed, ref.needed);
  }
});

test('corpus squashfs_v2.bin: big-endian MIPS binaries read as readelf reads them', async (t) => {
  const image = corpusFile('binwalk/squashfs_v2.bin');
  if (!image) return t.skip('corpus not present');
  if (!hasTool('readelf')) return t.skip('readelf (binutils) not installed');
  const fw = await unpackImage(image, {});
  const vfs = fw.filesystems[0];
  if (!vfs) return t.skip('the squashfs 2.0 image could not be unpacked');
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-elf-'));
  let compared = 0;
  for (const p of ['/bin/busybox', '/usr/sbin/upnp', '/usr/sbin/tftpd', '/lib/libc.so.0']) {
    const e = vfs.resolve(p);
    if (!e || e.type !== 'file') continue;
    const buf = await e.read();
    const file = join(dir, String(compared));
    writeFileSync(file, buf);
    const ref = reference(file);
    assert.deepEqual(ours(buf), ref, p);
    assert.deepEqual(ours(sstrip(buf)).imports, ref.imports, `${p} without section headers`);
    compared++;
  }
  assert.ok(compared >= 2, `${compared} binaries compared`);
});

test('malformed ELF files throw FormatError or yield what is readable, never hang', () => {
  assert.throws(() => dynamicInfo(Buffer.from('not an elf')), FormatError);
  assert.throws(() => dynamicInfo(Buffer.from('\u007fELF\u0009\u0001' + '\u0000'.repeat(60), 'latin1')), FormatError);
  const base = HOST[0] ? readFileSync(HOST[0]) : undefined;
  if (!base) return;
  assert.throws(() => dynamicInfo(base.subarray(0, 200)), FormatError);
  // Flip bytes across the headers, one at a time: every outcome is a result or a FormatError.
  for (let at = 16; at < 64; at++) {
    for (const v of [0x00, 0xff, 0x7f]) {
      const copy = Buffer.from(base.subarray(0, 64 * 1024));
      copy[at] = v;
      try {
        dynamicInfo(copy);
      } catch (e) {
        assert.ok(e instanceof FormatError, `byte ${at}=${v}: ${String(e)}`);
      }
    }
  }
});
