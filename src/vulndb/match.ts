import type { Component } from '../analysis/components/index.js';
import { compareVersions, schemeFor, type VersionScheme } from '../analysis/versions/index.js';
import { appletsAbsent } from './busybox.js';
import type { AffectedRow, VulnStore } from './store.js';
import type { Advisory, StoredRange } from './types.js';

/**
 * - `affected`: the component's version is in an affected range (or listed);
 * - `backport-possible`: affected by its upstream version, but a distribution built it and may have patched it;
 * - `applet-absent`: a BusyBox advisory about applets this build does not have.
 */
export type MatchStatus = 'affected' | 'backport-possible' | 'applet-absent';

export interface VulnMatch {
  readonly component: Component;
  readonly advisory: Advisory;
  /** The advisory id and every alias of the advisories merged into this match (CVE, GHSA, DSA...), sorted. */
  readonly ids: readonly string[];
  readonly via: 'ecosystem' | 'cpe';
  readonly ecosystem: string;
  readonly name: string;
  readonly scheme: VersionScheme;
  /** The version the component must reach, when the matching range has a fix. */
  readonly fixed?: string;
  /** The last affected version, when the range gives that instead of a fix. */
  readonly lastAffected?: string;
  readonly status: MatchStatus;
  readonly reason?: string;
}

/** OSV's evaluation (schema "Evaluation"): the events of a range in version order, as a timeline. */
function inRange(v: string, range: StoredRange, scheme: VersionScheme): { hit: boolean; fixed?: string; lastAffected?: string } {
  const cmp = (a: string, b: string) => compareVersions(scheme, a, b);
  const limits = range.events.filter((e) => e.limit !== undefined && e.limit !== '*');
  if (limits.length > 0 && !limits.some((e) => cmp(v, e.limit!) < 0)) return { hit: false };
  const key = (e: (typeof range.events)[number]) => e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';
  const sorted = range.events.filter((e) => e.limit === undefined)
    .map((e, i) => ({ e, i })).sort((a, b) => (key(a.e) === '0' ? -1 : key(b.e) === '0' ? 1 : cmp(key(a.e), key(b.e)) || a.i - b.i)).map((x) => x.e);
  let hit = false;
  for (const e of sorted) {
    if (e.introduced !== undefined && (e.introduced === '0' || cmp(v, e.introduced) > 0 || (cmp(v, e.introduced) === 0 && !range.introducedExclusive))) hit = true;
    else if (e.fixed !== undefined && cmp(v, e.fixed) >= 0) hit = false;
    else if (e.last_affected !== undefined && cmp(v, e.last_affected) > 0) hit = false;
  }
  if (!hit) return { hit };
  const fixed = sorted.find((e) => e.fixed !== undefined && cmp(v, e.fixed) < 0)?.fixed;
  const lastAffected = sorted.find((e) => e.last_affected !== undefined && cmp(v, e.last_affected) <= 0)?.last_affected;
  return { hit, ...(fixed ? { fixed } : {}), ...(lastAffected ? { lastAffected } : {}) };
}

function evaluate(version: string, row: AffectedRow): { hit: boolean; scheme: VersionScheme; fixed?: string; lastAffected?: string } {
  for (const r of row.ranges) {
    const scheme = schemeFor(row.ecosystem, r.type);
    const res = inRange(version, r, scheme);
    if (res.hit) return { ...res, scheme };
  }
  const scheme = schemeFor(row.ecosystem);
  const listed = row.versions.some((x) => x === version || (row.ecosystem === 'CPE' && compareVersions(scheme, x, version) === 0));
  return { hit: listed, scheme };
}

/** Distribution ecosystems whose own advisories account for their backports: their packages are matched only there. */
const AUTHORITATIVE = /^(Debian|Ubuntu|Alpine):/;

interface Lookup {
  readonly via: 'ecosystem' | 'cpe';
  readonly ecosystems: string[];
  readonly name: string;
  readonly version: string;
}

function lookups(c: Component): Lookup[] {
  const out: Lookup[] = [];
  if (c.osv && c.version) {
    const base = c.osv.ecosystem.split(':')[0]!;
    const version = c.osv.ecosystem === 'Linux' ? c.upstreamVersion ?? c.version : c.version;
    out.push({ via: 'ecosystem', ecosystems: [...new Set([c.osv.ecosystem, base])], name: c.osv.name, version });
  }
  if (c.upstreamVersion && !(c.osv && AUTHORITATIVE.test(c.osv.ecosystem))) {
    for (const p of c.cpeProducts) out.push({ via: 'cpe', ecosystems: ['CPE'], name: p, version: c.upstreamVersion });
  }
  return out;
}

function statusOf(c: Component, a: Advisory, via: Lookup['via']): { status: MatchStatus; reason?: string } {
  if (c.product === 'busybox' && c.applets) {
    const { absent, named } = appletsAbsent(`${a.summary}\n${a.details}`, c.applets);
    if (absent) return { status: 'applet-absent', reason: `about ${named.join(', ')}, not compiled into this build` };
  }
  if (via === 'cpe' && c.backports) return { status: 'backport-possible', reason: c.backports };
  return { status: 'affected' };
}

const RANK: Readonly<Record<MatchStatus, number>> = { affected: 0, 'backport-possible': 1, 'applet-absent': 2 };

/** Advisories about the same vulnerability (ids and aliases overlap) are one match; the strongest is kept. */
function dedupe(matches: VulnMatch[]): VulnMatch[] {
  const out: VulnMatch[] = [];
  for (const m of matches.sort((a, b) => (a.via === b.via ? RANK[a.status] - RANK[b.status] : a.via === 'ecosystem' ? -1 : 1) || (a.advisory.id < b.advisory.id ? -1 : 1))) {
    const same = out.findIndex((o) => o.component === m.component && o.ids.some((id) => m.ids.includes(id)));
    if (same < 0) out.push(m);
    else out[same] = { ...out[same]!, ids: [...new Set([...out[same]!.ids, ...m.ids])].sort() };
  }
  return out;
}

/** Every advisory that concerns each component, with why. Components without a version are not matched. */
export function matchComponents(store: VulnStore, components: readonly Component[]): VulnMatch[] {
  const out: VulnMatch[] = [];
  for (const c of components) {
    const found: VulnMatch[] = [];
    for (const l of lookups(c)) {
      for (const row of store.lookup(l.ecosystems, l.name)) {
        const res = evaluate(l.version, row);
        if (!res.hit) continue;
        const a = store.advisory(row.advisory);
        if (!a || a.withdrawn) continue;
        found.push({
          component: c, advisory: a, ids: [a.id, ...a.aliases].sort(), via: l.via, ecosystem: row.ecosystem, name: row.name, scheme: res.scheme,
          ...(res.fixed ? { fixed: res.fixed } : {}), ...(res.lastAffected ? { lastAffected: res.lastAffected } : {}), ...statusOf(c, a, l.via),
        });
      }
    }
    out.push(...dedupe(found));
  }
  return out;
}
