import type { Vfs } from '../../firmware/types.js';
import { readText } from '../tree/index.js';
import { paragraphs } from './control.js';

/** One installed package, as its package manager recorded it. */
export interface PackageRecord {
  readonly manager: 'dpkg' | 'opkg' | 'apk';
  readonly name: string;
  readonly version: string;
  /** Source package (dpkg `Source`, opkg `SourceName`, apk origin `o:`). */
  readonly source?: string;
  readonly arch?: string;
  /** The database file and the record's line in it. */
  readonly database: string;
  readonly line: number;
  /** Files the package installed (from its file list), when the list was found. */
  readonly files: readonly string[];
}

const MAX_DB = 64 * 1024 * 1024;

/** dpkg `Source: name (version)`: the name only. */
const sourceName = (s: string | undefined) => s?.split(/\s+/)[0] || undefined;

async function fileList(vfs: Vfs, candidates: readonly string[]): Promise<string[]> {
  for (const path of candidates) {
    const text = await readText(vfs, path, MAX_DB);
    if (text !== undefined) return text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('/'));
  }
  return [];
}

/** dpkg: /var/lib/dpkg/status (installed paragraphs) and the per-package `.list` files. */
export async function dpkgPackages(vfs: Vfs): Promise<PackageRecord[]> {
  const database = '/var/lib/dpkg/status';
  const text = await readText(vfs, database, MAX_DB);
  if (text === undefined) return [];
  const out: PackageRecord[] = [];
  for (const p of paragraphs(text)) {
    const f = p.fields;
    const name = f.get('package');
    const version = f.get('version');
    if (!name || !version || !/\binstalled$/.test(f.get('status') ?? 'installed')) continue;
    const arch = f.get('architecture');
    const info = '/var/lib/dpkg/info';
    const files = await fileList(vfs, [`${info}/${name}.list`, ...(arch ? [`${info}/${name}:${arch}.list`] : [])]);
    out.push({ manager: 'dpkg', name, version, ...opt('source', sourceName(f.get('source'))), ...opt('arch', arch), database, line: p.line, files });
  }
  return out;
}

const OPKG_DIRS = ['/usr/lib/opkg', '/var/lib/opkg', '/usr/lib/ipkg', '/var/lib/ipkg'];

/**
 * opkg/ipkg (OpenWrt and other embedded distributions): the `status` database, and the per-package `.control`
 * files (which also name the source package) and `.list` files beside it in `info/`.
 */
export async function opkgPackages(vfs: Vfs): Promise<PackageRecord[]> {
  for (const dir of OPKG_DIRS) {
    const database = `${dir}/status`;
    const text = await readText(vfs, database, MAX_DB);
    const records = text === undefined ? [] : paragraphs(text).map((p) => ({ p, path: database }));
    // Some images keep only the control files (the status is built at first boot).
    if (records.length === 0) {
      for (const e of vfs.children(`${dir}/info`).filter((x) => x.path.endsWith('.control'))) {
        const t = await readText(vfs, e.path, 1024 * 1024);
        const p = t === undefined ? undefined : paragraphs(t)[0];
        if (p) records.push({ p, path: e.path });
      }
    }
    if (records.length === 0) continue;
    const out: PackageRecord[] = [];
    for (const { p, path } of records) {
      const name = p.fields.get('package');
      if (!name || !/\binstalled$/.test(p.fields.get('status') ?? 'installed')) continue;
      const control = path.endsWith('.control') ? p.fields : (await controlOf(vfs, `${dir}/info/${name}.control`)) ?? p.fields;
      const version = p.fields.get('version') ?? control.get('version');
      if (!version) continue;
      const source = control.get('sourcename') ?? sourceName(control.get('source')?.split('/').pop());
      const files = await fileList(vfs, [`${dir}/info/${name}.list`]);
      out.push({ manager: 'opkg', name, version, ...opt('source', source), ...opt('arch', p.fields.get('architecture')), database: path, line: p.line, files });
    }
    return out;
  }
  return [];
}

async function controlOf(vfs: Vfs, path: string): Promise<ReadonlyMap<string, string> | undefined> {
  const text = await readText(vfs, path, 1024 * 1024);
  return text === undefined ? undefined : paragraphs(text)[0]?.fields;
}

/** apk (Alpine): /lib/apk/db/installed, one record per package (`P:` name, `V:` version, `o:` origin, `F:`/`R:` files). */
export async function apkPackages(vfs: Vfs): Promise<PackageRecord[]> {
  const database = '/lib/apk/db/installed';
  const text = await readText(vfs, database, MAX_DB);
  if (text === undefined) return [];
  const out: PackageRecord[] = [];
  let cur: { fields: Map<string, string>; files: string[]; line: number } | undefined;
  let dir = '';
  const flush = () => {
    const f = cur?.fields;
    const name = f?.get('P');
    const version = f?.get('V');
    if (cur && f && name && version) out.push({ manager: 'apk', name, version, ...opt('source', f.get('o')), ...opt('arch', f.get('A')), database, line: cur.line, files: cur.files });
    cur = undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') { flush(); continue; }
    if (l[1] !== ':') continue;
    cur ??= { fields: new Map(), files: [], line: i + 1 };
    const key = l[0]!;
    const value = l.slice(2).trim();
    if (key === 'F') dir = value;
    else if (key === 'R') cur.files.push(`/${dir ? `${dir}/` : ''}${value}`);
    else if (!cur.fields.has(key)) cur.fields.set(key, value);
  }
  flush();
  return out;
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
