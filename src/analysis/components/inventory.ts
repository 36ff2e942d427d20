import type { FirmwareEvidence, FsEntry, Vfs } from '../../firmware/types.js';
import { isElf, MAX_BINARY_BYTES, readEntry } from '../tree/index.js';
import { upstreamOf } from '../versions/index.js';
import { distributionBuild, identifyBinary, type BinaryHit } from './binary.js';
import { appletsOf } from './busybox.js';
import { cpeOf, purlOf } from './ids.js';
import { kernelsInLog, kernelsInTree, type KernelHit } from './kernel.js';
import { osOf } from './os-release.js';
import { apkPackages, dpkgPackages, opkgPackages, type PackageRecord } from './packages.js';
import { productById, productOfPackage } from './products.js';
import type { Component, OsInfo, TreeInventory } from './types.js';

const cache = new WeakMap<Vfs, Promise<TreeInventory>>();

/** Components of one filesystem, computed once per tree (several checks and the report ask for them). */
export function inventoryOfTree(vfs: Vfs): Promise<TreeInventory> {
  let p = cache.get(vfs);
  if (!p) cache.set(vfs, (p = build(vfs)));
  return p;
}

async function build(vfs: Vfs): Promise<TreeInventory> {
  const os = await osOf(vfs);
  const packages = [...(await dpkgPackages(vfs)), ...(await opkgPackages(vfs)), ...(await apkPackages(vfs))];
  const owned = ownedFiles(vfs, packages);
  const components = packages.map((p) => fromPackage(p, os));
  await addBusyBoxApplets(vfs, packages, components);
  const scanned = await scanBinaries(vfs, owned, components);
  for (const k of kernelsInTree(vfs)) components.push(fromKernel(k));
  return {
    ...(os ? { os } : {}),
    components: merge(components),
    databases: [...new Set(packages.map((p) => p.database))].sort(),
    binariesScanned: scanned,
  };
}

/**
 * Files the package managers installed, by their listed path and by the path they resolve to (a list names
 * /lib/x86_64-linux-gnu/libc.so.6 where a merged-/usr tree keeps it under /usr/lib).
 */
function ownedFiles(vfs: Vfs, packages: readonly PackageRecord[]): Set<string> {
  const owned = new Set<string>();
  for (const p of packages) {
    for (const f of p.files) {
      owned.add(f);
      const target = vfs.resolve(f);
      if (target && target.path !== f) owned.add(target.path);
    }
  }
  return owned;
}

/** Upstream version of a package: no epoch, no revision, no repack marker (`1:1.2.13.dfsg-1` -> `1.2.13`). */
function upstreamOfPackage(p: PackageRecord): string {
  const v = p.manager === 'apk' ? p.version.replace(/-r\d+$/, '') : upstreamOf(p.version);
  return v.replace(/[.+~](?:dfsg|ds|repack|really)\d*.*$/i, '');
}

/** Which OSV ecosystem speaks for a package: its distribution's, when the package manager is that distribution's. */
function osvOf(p: PackageRecord, os: OsInfo | undefined): Component['osv'] {
  const name = p.source ?? p.name;
  if (p.manager === 'opkg') return { ecosystem: 'OpenWrt', name };
  if (os?.ecosystem && ((p.manager === 'dpkg' && /^(Debian|Ubuntu):/.test(os.ecosystem)) || (p.manager === 'apk' && os.ecosystem.startsWith('Alpine:')))) {
    return { ecosystem: os.ecosystem, name };
  }
  return undefined;
}

function purlOfPackage(p: PackageRecord, os: OsInfo | undefined): string {
  if (p.manager === 'dpkg') return purlOf('deb', os?.id === 'ubuntu' ? 'ubuntu' : 'debian', p.name, p.version, { arch: p.arch, distro: os?.versionId ? `${os.id}-${os.versionId}` : undefined });
  if (p.manager === 'apk') return purlOf('apk', 'alpine', p.name, p.version, { arch: p.arch, distro: os?.versionId });
  return purlOf('opkg', 'openwrt', p.name, p.version, { arch: p.arch });
}

function fromPackage(p: PackageRecord, os: OsInfo | undefined): Component {
  const product = productOfPackage(p.name, p.source);
  const upstream = upstreamOfPackage(p);
  const osv = osvOf(p, os);
  const cpe = product ? cpeOf(product, upstream) : undefined;
  return {
    name: p.name, ...(product ? { product: product.id } : {}), version: p.version, upstreamVersion: upstream,
    type: product?.type ?? (/^lib/.test(p.name) ? 'library' : 'application'),
    purl: purlOfPackage(p, os), ...(cpe ? { cpe } : {}), cpeProducts: product?.cpe ?? [],
    ...(osv ? { osv } : {}),
    identifiedBy: 'package-database',
    evidence: `${p.manager} ${p.database}: ${p.name} ${p.version}${p.source && p.source !== p.name ? ` (source ${p.source})` : ''}`,
    occurrences: [{ path: p.database, line: p.line }],
    backports: `${p.manager} package ${p.name} ${p.version}: the distribution may patch fixes into this version`,
  };
}

async function addBusyBoxApplets(vfs: Vfs, packages: readonly PackageRecord[], components: Component[]): Promise<void> {
  for (const [i, p] of packages.entries()) {
    if (productOfPackage(p.name, p.source)?.id !== 'busybox') continue;
    const bin = p.files.find((f) => /\/busybox$/.test(f)) ?? '/bin/busybox';
    const entry = vfs.resolve(bin);
    const buf = entry ? await readEntry(vfs, entry, MAX_BINARY_BYTES) : undefined;
    const applets = buf ? appletsOf(buf) : undefined;
    if (applets) components[i] = { ...components[i]!, applets, occurrences: [...components[i]!.occurrences, { path: bin }] };
  }
}

const BINARY_DIRS = /^\/(?:bin|sbin|lib\d*|usr|opt|www|home|root|app|apps|data|system|vendor|mnt|overlay|rom|etc\/init\.d|var\/www)(?:\/|$)/;
const SKIP_DIRS = /^\/usr\/share\/(?:doc|man|info|locale|i18n|zoneinfo|common-licenses|mime|fonts|icons|perl5?|X11)\//;

/** Files worth reading for version strings: executables and libraries, not documentation or data. */
function candidate(e: FsEntry, owned: ReadonlySet<string>): boolean {
  if (e.type !== 'file' || e.size < 512 || e.size > MAX_BINARY_BYTES || owned.has(e.path) || SKIP_DIRS.test(e.path)) return false;
  return (e.mode & 0o111) !== 0 || /\.so(?:\.[\d.]+)?$|\.ko$|(?:^|\/)u-?boot[^/]*$/i.test(e.path) || (BINARY_DIRS.test(e.path) && /\/(?:s?bin|lib\w*)\//.test(e.path));
}

async function scanBinaries(vfs: Vfs, owned: ReadonlySet<string>, components: Component[]): Promise<number> {
  const files = vfs.entries().filter((e) => candidate(e, owned));
  let next = 0;
  let scanned = 0;
  const worker = async () => {
    while (next < files.length) {
      const e = files[next++]!;
      const buf = await readEntry(vfs, e, MAX_BINARY_BYTES);
      if (!buf || !(isElf(buf) || /u-?boot/i.test(e.path))) continue;
      scanned++;
      const hits = identifyBinary(buf);
      if (hits.length === 0) continue;
      const build = distributionBuild(buf, hits);
      for (const h of hits) components.push(fromBinary(e.path, h, build, h.product === 'busybox' ? appletsOf(buf) : undefined));
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return scanned;
}

/** A component found by its version string in a binary. */
export function fromBinary(path: string, h: BinaryHit, build: string | undefined, applets?: readonly string[]): Component {
  const product = productById(h.product)!;
  const cpe = cpeOf(product, h.version);
  return {
    name: product.id, product: product.id, version: h.version, upstreamVersion: h.version, type: product.type,
    purl: purlOf('generic', undefined, product.id, h.version), ...(cpe ? { cpe } : {}), cpeProducts: product.cpe,
    identifiedBy: 'version-string', evidence: h.evidence, occurrences: [{ path, offset: h.offset }],
    ...(build ? { backports: `built by a distribution (${build}): it may patch fixes into this version` } : {}),
    ...(applets ? { applets } : {}),
  };
}

function fromKernel(k: KernelHit): Component {
  const product = productById('linux')!;
  const cpe = cpeOf(product, k.upstream);
  const localVersion = k.release !== k.upstream;
  return {
    name: 'linux', product: 'linux', version: k.release, upstreamVersion: k.upstream, type: 'operating-system',
    purl: purlOf('generic', undefined, 'linux', k.release), ...(cpe ? { cpe } : {}), cpeProducts: product.cpe,
    osv: { ecosystem: 'Linux', name: 'Kernel' },
    identifiedBy: k.how, evidence: k.evidence, occurrences: [{ path: k.path }],
    ...(localVersion ? { backports: `kernel release ${k.release} carries a local version: vendors patch fixes into their kernels` } : {}),
  };
}

/** Image-level components: kernels named in the unpack log. */
export function kernelComponents(fw: FirmwareEvidence): Component[] {
  return merge(kernelsInLog(fw.log).map(fromKernel));
}

/** One component per name, version and identification; occurrences of the same one are joined. */
function merge(list: readonly Component[]): Component[] {
  const by = new Map<string, Component>();
  for (const c of list) {
    const key = `${c.name}\u0000${c.version ?? ''}\u0000${c.identifiedBy}\u0000${c.purl}`;
    const prev = by.get(key);
    if (!prev) {
      by.set(key, c);
      continue;
    }
    const occurrences = [...prev.occurrences, ...c.occurrences].filter((o, i, all) => all.findIndex((x) => x.path === o.path) === i);
    by.set(key, { ...prev, occurrences, ...(prev.applets ?? c.applets ? { applets: prev.applets ?? c.applets! } : {}), ...(prev.backports ?? c.backports ? { backports: prev.backports ?? c.backports! } : {}) });
  }
  return [...by.values()]
    .map((c) => ({ ...c, occurrences: [...c.occurrences].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : (a.version ?? '') < (b.version ?? '') ? -1 : (a.version ?? '') > (b.version ?? '') ? 1 : a.purl < b.purl ? -1 : 1));
}
