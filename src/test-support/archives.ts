// Small archive builders for driver and writer tests (the plug-ins themselves are tested against real tools).
import { crc32 } from 'node:zlib';

export interface FileSpec {
  readonly name: string;
  readonly data?: Buffer | string;
  readonly type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  readonly target?: string;
  readonly mode?: number;
}

const TAR_TYPE = { file: '0', hardlink: '1', symlink: '2', dir: '5' } as const;

/** A POSIX ustar archive (names up to 100 bytes) with its end-of-archive blocks. */
export function ustar(files: readonly FileSpec[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    const type = f.type ?? 'file';
    const data = type === 'file' ? Buffer.from(f.data ?? '') : Buffer.alloc(0);
    const h = Buffer.alloc(512);
    h.write(f.name, 0, 100, 'utf8');
    h.write(`${(f.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644)).toString(8).padStart(7, '0')}\0`, 100, 'latin1');
    h.write('0000000\0', 108, 'latin1');
    h.write('0000000\0', 116, 'latin1');
    h.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    h.write('14000000000\0', 136, 'latin1');
    h.write(TAR_TYPE[type], 156, 'latin1');
    if (f.target) h.write(f.target, 157, 100, 'utf8');
    h.write('ustar\x0000', 257, 'latin1');
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    parts.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** A SVR4 newc cpio archive ending in TRAILER!!! (4-byte aligned, no block padding). */
export function newc(files: readonly FileSpec[]): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  const pad = () => push(Buffer.alloc((4 - (size % 4)) % 4));
  const entry = (name: string, mode: number, data: Buffer, ino: number) => {
    const fields = [ino, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, name.length + 1, 0];
    push(Buffer.from(`070701${fields.map((v) => v.toString(16).padStart(8, '0')).join('')}${name}\0`, 'latin1'));
    pad();
    push(data);
    pad();
  };
  files.forEach((f, i) => {
    const type = f.type ?? 'file';
    const kind = type === 'dir' ? 0o040000 : type === 'symlink' ? 0o120000 : 0o100000;
    const data = type === 'symlink' ? Buffer.from(f.target ?? '') : type === 'file' ? Buffer.from(f.data ?? '') : Buffer.alloc(0);
    entry(f.name, kind | (f.mode ?? 0o644), data, i + 1);
  });
  entry('TRAILER!!!', 0, Buffer.alloc(0), 0);
  return Buffer.concat(parts);
}

/** A zip with stored members, central directory and EOCD. */
export function storedZip(files: readonly FileSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = Buffer.from(f.data ?? '');
    const name = Buffer.from(f.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | (f.mode ?? 0o644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(files.length, 8);
  eocd.writeUInt16LE(files.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Deterministic pseudo-random bytes (xorshift32), for filler that has the entropy of encrypted data. */
export function randomBytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
