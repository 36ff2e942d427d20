#!/usr/bin/env node
// Generates a large, realistic set of advisories for the vulnerability-matching benchmark (no network to OSV
// here): seeded and deterministic for a given seed, count, date and dpkg status file.
//   node bench/vulndb/generate.mjs OUT_DIR [--count 120000] [--seed 1] [--date 2026-11-25] [--dpkg-status FILE]
// Writes, in the layouts the real sources use:
//   OUT/Debian/all.zip      OSV records, ecosystem Debian:12, keyed by source package, dpkg version ranges
//   OUT/Alpine/all.zip      OSV records, Alpine:v3.18..v3.20, apk version ranges (x.y.z-rN)
//   OUT/OpenWrt/*.json      OSV records, one file each, opkg version ranges
//   OUT/nvd/nvdcve-2.0-YYYY.json.gz   NVD CVE JSON 2.0 feeds, CPE configurations with start/end bounds
// Debian advisories favour the source packages of the dpkg status file given (the benchmark image's), with
// fixed versions below, at and above the installed ones, so that matching does real work.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import { zipOf } from './zip.mjs';

const args = process.argv.slice(2);
const out = args[0];
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i > 0 ? args[i + 1] : fallback; };
if (!out) { console.error('usage: generate.mjs OUT_DIR [--count N] [--seed S] [--date YYYY-MM-DD] [--dpkg-status FILE]'); process.exit(2); }
const total = Number(opt('count', '120000'));
const date = new Date(`${opt('date', new Date().toISOString().slice(0, 10))}T00:00:00Z`);
let seed = Number(opt('seed', '1')) >>> 0;

// mulberry32: a small seeded PRNG, so the same arguments give the same files.
const rand = () => { seed = (seed + 0x6d2b79f5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const WORDS = 'buffer overflow heap stack use-after-free out-of-bounds read write integer underflow null pointer dereference crafted packet request header remote attacker local user denial of service memory corruption arbitrary code execution privilege escalation information disclosure path traversal certificate validation timing side channel parser decoder handler'.split(' ');
const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const VECTORS = ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N'];
const SCORES = [9.8, 8.1, 7.5, 7.8, 6.1, 4.3];
const iso = (d) => d.toISOString().replace(/\.\d+Z$/, 'Z');
const daysBefore = (n) => new Date(date.getTime() - n * 86_400_000);
let cveSeq = 0;
const cveId = () => { const year = 2015 + (cveSeq % 12); return { year, id: `CVE-${year}-${String(10000 + Math.floor(cveSeq++ / 12)).padStart(5, '0')}` }; };

/** Numeric parts of a version, moved down or up by one step in the last part that allows it. */
function shift(upstream, dir) {
  const parts = upstream.split('.').map((p) => /^\d+$/.test(p) ? Number(p) : p);
  for (let i = parts.length - 1; i >= 0; i--) {
    if (typeof parts[i] !== 'number') continue;
    if (dir < 0 && parts[i] === 0) continue;
    parts[i] += dir;
    return parts.join('.');
  }
  return dir < 0 ? `${upstream}~pre1` : `${upstream}.1`;
}

// --- Debian:12 -------------------------------------------------------------------------------------------------
function installedSources(path) {
  if (!path) return [];
  const out = new Map();
  for (const para of readFileSync(path, 'utf8').split(/\n\n+/)) {
    const f = Object.fromEntries(para.split('\n').filter((l) => /^\w[\w-]*:/.test(l)).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
    if (!f.Package || !/installed$/.test(f.Status ?? '')) continue;
    const m = /^(\S+)(?: \((\S+)\))?/.exec(f.Source ?? f.Package);
    out.set(m[1], m[2] ?? f.Version);
  }
  return [...out].map(([name, version]) => ({ name, version }));
}

function debianRecord(name, installed, i) {
  const { id: cve } = cveId();
  const m = /^(?:(\d+):)?([^-]+)(?:-(.+))?$/.exec(installed ?? `${int(0, 9)}.${int(0, 30)}.${int(0, 20)}-${int(1, 9)}`);
  const epoch = m?.[1] ? `${m[1]}:` : '';
  const upstream = (m?.[2] ?? '1.0').replace(/[+~].*$/, '');
  const roll = rand();
  // Mostly fixed long ago; some fixed after the installed version (affected); a few unfixed (no fix yet).
  const events = [{ introduced: '0' }];
  if (roll < 0.8) events.push({ fixed: `${epoch}${shift(upstream, -1)}-${int(1, 5)}` });
  else if (roll < 0.9) events.push({ fixed: installed ? `${installed}+deb12u${int(1, 3)}` : `${epoch}${upstream}-${int(1, 5)}+deb12u1` });
  else if (roll < 0.97) events.push({ fixed: `${epoch}${shift(upstream, 1)}-1` });
  const v = int(0, VECTORS.length - 1);
  return {
    schema_version: '1.6.0', id: `DEBIAN-${cve}`, aliases: [cve], modified: iso(daysBefore(int(0, 20))), published: iso(daysBefore(int(30, 3000))),
    summary: `${name}: ${sentence(6)}`, details: sentence(40),
    affected: [{ package: { ecosystem: 'Debian:12', name, purl: `pkg:deb/debian/${name}?arch=source` }, ranges: [{ type: 'ECOSYSTEM', events }], versions: [], ecosystem_specific: { urgency: pick(['low', 'medium', 'high', 'unimportant']) } }],
    severity: [{ type: 'CVSS_V3', score: VECTORS[v] }], references: [{ type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/${cve}` }],
    database_specific: { seq: i },
  };
}

// --- Alpine and OpenWrt ------------------------------------------------------------------------------------------
const ALPINE = ['busybox', 'openssl', 'musl', 'curl', 'zlib', 'libxml2', 'expat', 'sqlite', 'nghttp2', 'c-ares', 'libarchive', 'python3', 'perl', 'git', 'nginx', 'openssh', 'dropbear', 'dnsmasq', 'mosquitto', 'libxslt'];
const OPENWRT = ['busybox', 'dropbear', 'dnsmasq', 'uhttpd', 'odhcpd', 'hostapd', 'wpad', 'libopenssl', 'wolfssl', 'mbedtls', 'curl', 'miniupnpd', 'mosquitto', 'lighttpd', 'openvpn', 'samba4', 'avahi', 'libupnp', 'netifd', 'firewall4'];
const synthetic = (prefix, n) => `${prefix}${pick(['lib', 'py3-', 'perl-', '', '', 'ruby-', 'go-', 'node-'])}${pick(WORDS).replace(/\W/g, '')}${n % 997}`;

function distroRecord(kind, i) {
  const { id: cve } = cveId();
  const name = rand() < 0.3 ? pick(kind === 'Alpine' ? ALPINE : OPENWRT) : synthetic('', i);
  const [a, b, c] = [int(0, 9), int(0, 40), int(0, 30)];
  const fixed = kind === 'Alpine' ? `${a}.${b}.${c}-r${int(0, 9)}` : `${a}.${b}.${c}-${int(1, 9)}`;
  const introduced = rand() < 0.7 ? '0' : kind === 'Alpine' ? `${a}.${Math.max(0, b - int(1, 5))}.0-r0` : `${a}.${Math.max(0, b - int(1, 5))}.0-1`;
  const ecosystem = kind === 'Alpine' ? pick(['Alpine:v3.18', 'Alpine:v3.19', 'Alpine:v3.20']) : 'OpenWrt';
  return {
    schema_version: '1.6.0', id: `${kind === 'Alpine' ? 'ALPINE' : 'OPENWRT'}-${cve}`, aliases: [cve], modified: iso(daysBefore(int(0, 25))), published: iso(daysBefore(int(30, 3000))),
    summary: `${name}: ${sentence(6)}`, details: sentence(30),
    affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced }, { fixed }] }], versions: [] }],
    references: [{ type: 'WEB', url: `https://nvd.nist.gov/vuln/detail/${cve}` }],
  };
}

// --- NVD (CPE) ---------------------------------------------------------------------------------------------------
/** Real CPE names of products firmware carries, weighted (the kernel has by far the most CVEs). */
const CPES = [['linux:linux_kernel', 30], ['busybox:busybox', 2], ['openssl:openssl', 4], ['thekelleys:dnsmasq', 1], ['dropbear_ssh_project:dropbear_ssh', 1], ['openbsd:openssh', 2], ['gnu:glibc', 2], ['zlib:zlib', 1], ['haxx:curl', 3], ['haxx:libcurl', 2], ['lighttpd:lighttpd', 1], ['f5:nginx', 1], ['miniupnp_project:miniupnpd', 1], ['w1.fi:hostapd', 1], ['w1.fi:wpa_supplicant', 1], ['eclipse:mosquitto', 1], ['samba:samba', 2], ['avahi:avahi', 1], ['denx:u-boot', 1], ['wolfssl:wolfssl', 1], ['arm:mbed_tls', 1], ['openvpn:openvpn', 1], ['libupnp_project:libupnp', 1]];
const WEIGHTED = CPES.flatMap(([c, w]) => Array(w).fill(c));

function cpeMatch(product) {
  const [major, minor, patch] = [int(1, 6), int(0, 30), int(0, 200)];
  const criteria = (v) => `cpe:2.3:${product.startsWith('linux:') ? 'o' : 'a'}:${product}:${v}:*:*:*:*:*:*:*`;
  const r = rand();
  if (r < 0.15) return { vulnerable: true, criteria: criteria(`${major}.${minor}.${patch}`), matchCriteriaId: 'X' };
  const m = { vulnerable: true, criteria: criteria('*'), matchCriteriaId: 'X' };
  if (r < 0.75) m.versionStartIncluding = `${major}.${Math.max(0, minor - int(0, 4))}`;
  else if (r < 0.8) m.versionStartExcluding = `${major}.${minor}`;
  if (r < 0.9) m.versionEndExcluding = `${major}.${minor}.${patch}`;
  else m.versionEndIncluding = `${major}.${minor}.${patch}`;
  return m;
}

function nvdItem(i) {
  const { year, id } = cveId();
  const product = rand() < 0.6 ? pick(WEIGHTED) : `vendor${int(1, 3000)}:product${int(1, 20)}`;
  const v = int(0, VECTORS.length - 1);
  const matches = Array.from({ length: int(1, 4) }, () => cpeMatch(product));
  return {
    year,
    item: {
      cve: {
        id, sourceIdentifier: 'cve@mitre.org', published: `${year}-0${int(1, 9)}-1${int(0, 9)}T10:15:00.000`, lastModified: iso(daysBefore(int(0, 30))).replace('Z', '.000'),
        vulnStatus: i % 400 === 0 ? 'Rejected' : 'Analyzed', descriptions: [{ lang: 'en', value: `${product.split(':')[1]}: ${sentence(35)}` }],
        metrics: { cvssMetricV31: [{ source: 'nvd@nist.gov', type: 'Primary', cvssData: { version: '3.1', vectorString: VECTORS[v], baseScore: SCORES[v] } }] },
        configurations: [{ nodes: [{ operator: 'OR', negate: false, cpeMatch: matches }] }],
        references: [{ url: `https://nvd.nist.gov/vuln/detail/${id}`, source: 'nvd@nist.gov' }],
      },
    },
  };
}

// --- write -------------------------------------------------------------------------------------------------------
const counts = { debian: Math.round(total * 0.375), alpine: Math.round(total * 0.2), openwrt: Math.round(total * 0.085) };
counts.nvd = total - counts.debian - counts.alpine - counts.openwrt;
const installed = installedSources(opt('dpkg-status'));
const json = (o) => Buffer.from(JSON.stringify(o));

mkdirSync(join(out, 'Debian'), { recursive: true });
writeFileSync(join(out, 'Debian', 'all.zip'), zipOf(Array.from({ length: counts.debian }, (_, i) => {
  // A third about the image's own packages (an image this size sees a few hundred advisories per package).
  const own = installed.length > 0 && rand() < 0.33 ? pick(installed) : undefined;
  const r = debianRecord(own?.name ?? synthetic('', i), own?.version, i);
  return { name: `${r.id}.json`, data: json(r) };
})));
mkdirSync(join(out, 'Alpine'), { recursive: true });
writeFileSync(join(out, 'Alpine', 'all.zip'), zipOf(Array.from({ length: counts.alpine }, (_, i) => { const r = distroRecord('Alpine', i); return { name: `${r.id}.json`, data: json(r) }; })));
mkdirSync(join(out, 'OpenWrt'), { recursive: true });
for (let i = 0; i < counts.openwrt; i++) { const r = distroRecord('OpenWrt', i); writeFileSync(join(out, 'OpenWrt', `${r.id}.json`), json(r)); }
mkdirSync(join(out, 'nvd'), { recursive: true });
const years = new Map();
for (let i = 0; i < counts.nvd; i++) { const { year, item } = nvdItem(i); (years.get(year) ?? years.set(year, []).get(year)).push(item); }
for (const [year, items] of [...years].sort((a, b) => a[0] - b[0])) {
  const feed = { resultsPerPage: items.length, startIndex: 0, totalResults: items.length, format: 'NVD_CVE', version: '2.0', timestamp: iso(date).replace('Z', '.000'), vulnerabilities: items };
  writeFileSync(join(out, 'nvd', `nvdcve-2.0-${year}.json.gz`), gzipSync(json(feed)));
}
console.log(JSON.stringify({ out, ...counts, total, installedSources: installed.length, date: iso(date) }));
