import { existsSync } from 'node:fs';
import { unreadImages, where } from '../../analysis/tree/index.js';
import { isIotcopError, type FindingDraft } from '../../model/index.js';
import { ageInDays, DEFAULT_MAX_AGE_DAYS, defaultDbPath, matchComponents, VulnStore } from '../../vulndb/index.js';
import type { CheckContext } from '../types.js';
import { componentsByTarget, type TargetComponents } from '../../analysis/components/index.js';
import { matchFinding, primaryId } from './findings.js';

const PROVISIONS = ['5.2-3', '5.3-8'] as const;

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const out = unreadImages(ctx.evidence.firmware, [...PROVISIONS], 'The software components');
  const targets = await componentsByTarget(ctx.evidence.firmware);
  if (targets.length === 0) return out;
  const path = ctx.vulndb?.path ?? defaultDbPath();
  const maxAge = ctx.vulndb?.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  if (!existsSync(path)) return [...out, ...withComponents(targets).map((t) => noDatabase(t, `no vulnerability database at ${path}`))];
  let store: VulnStore;
  try {
    store = VulnStore.open(path, { readonly: true });
  } catch (error) {
    if (!isIotcopError(error)) throw error;
    return [...out, ...withComponents(targets).map((t) => noDatabase(t, error.message))];
  }
  try {
    const status = store.freshness();
    const age = status.dataAsOf ? ageInDays(status.dataAsOf, ctx.now) : undefined;
    const stale = age === undefined || age > maxAge;
    for (const t of targets) {
      // Deep unpacking makes a filesystem of every archive and compressed file in a tree (gzipped changelogs...):
      // most hold no component, and say nothing. An image none of whose filesystems has one is inconclusive.
      if (t.components.length === 0) continue;
      ctx.progress(`matching ${t.components.length} components of ${t.target.image} against ${status.advisories} advisories`);
      out.push(...forTarget(t, store, status, { age, maxAge, stale }));
    }
    for (const image of new Set(targets.map((t) => t.target.image))) {
      const mine = targets.filter((t) => t.target.image === image);
      if (mine.every((t) => t.components.length === 0)) out.push(noComponents(mine[0]!, mine));
    }
  } finally {
    store.close();
  }
  return out;
}

/** The filesystems worth a finding: those with components, or the first of an image that has none at all. */
function withComponents(targets: readonly TargetComponents[]): TargetComponents[] {
  return targets.filter((t, i) => t.components.length > 0 || (i === targets.findIndex((x) => x.target.image === t.target.image) && !targets.some((x) => x.target.image === t.target.image && x.components.length > 0)));
}

interface Freshness {
  readonly age: number | undefined;
  readonly maxAge: number;
  readonly stale: boolean;
}

function forTarget(t: TargetComponents, store: VulnStore, status: ReturnType<VulnStore['freshness']>, fresh: Freshness): FindingDraft[] {
  const matches = matchComponents(store, t.components);
  const out = matches.filter((m) => m.status !== 'applet-absent').map((m) => matchFinding(t.target, m));
  out.push(...uncovered(t, store));
  const setAside = matches.filter((m) => m.status === 'applet-absent');
  const fails = out.filter((f) => f.verdict === 'fail').length;
  const asOf = status.dataAsOf ? `data as of ${status.dataAsOf.slice(0, 10)}, ${fresh.age} day(s) old` : 'no dated data';
  const checked = `${t.components.length} component(s) (${t.inventory.databases.length ? `package databases ${t.inventory.databases.join(', ')}; ` : ''}${t.inventory.binariesScanned} binaries read) checked against ${status.advisories} advisories (${asOf})`;
  const aside = setAside.length ? ` Set aside: ${setAside.map((m) => `${primaryId(m.ids, m.advisory.id)} (${m.component.name} ${m.component.version}: ${m.reason})`).join('; ')}.` : '';
  if (fresh.stale) {
    out.push({
      provisions: [...PROVISIONS], severity: 'medium', verdict: 'inconclusive', key: 'stale-database',
      title: 'The vulnerability database is out of date',
      detail: `${checked}. The data is older than the ${fresh.maxAge} day(s) allowed by --max-age, so vulnerabilities published since are not known: ${fails} found with it, and no verdict of "none" can be given.${aside}`,
      location: where(t.target, '/'), evidence: asOf, remediation: 'Import a current export (`iotcop vulndb import`) and assess again.',
    });
  } else if (fails === 0) {
    out.push({
      provisions: [...PROVISIONS], severity: 'info', verdict: 'pass', key: 'clean',
      title: 'No known vulnerability affects the identified components',
      detail: `${checked}: none is affected.${aside}`,
      location: where(t.target, '/'), evidence: asOf, remediation: 'Nothing to fix; keep the database current and assess every release.',
    });
  }
  return out;
}

/** Distribution packages whose distribution the database has no advisories for were not really checked. */
function uncovered(t: TargetComponents, store: VulnStore): FindingDraft[] {
  const by = new Map<string, number>();
  for (const c of t.components) if (c.osv && /^(Debian|Ubuntu|Alpine):/.test(c.osv.ecosystem)) by.set(c.osv.ecosystem, (by.get(c.osv.ecosystem) ?? 0) + 1);
  return [...by].filter(([eco]) => !store.hasEcosystem(eco)).map(([eco, n]) => ({
    provisions: [...PROVISIONS], severity: 'medium', verdict: 'inconclusive', key: `uncovered:${eco}`,
    title: `The vulnerability database has no ${eco} advisories`,
    detail: `${n} ${eco} package(s) are matched only against ${eco}'s own advisories (they account for the fixes the distribution backports), and the database holds none.`,
    location: where(t.target, t.inventory.databases[0] ?? '/'), evidence: `${n} package(s)`,
    remediation: `Import the OSV export of ${eco.split(':')[0]} (the ${eco.split(':')[0]}/all.zip file) with \`iotcop vulndb import\`.`,
  }));
}

function noComponents(first: TargetComponents, all: readonly TargetComponents[]): FindingDraft {
  const layers = all.map((t) => t.target.vfs.layer);
  return {
    provisions: [...PROVISIONS], severity: 'medium', verdict: 'inconclusive', key: 'no-components',
    title: 'No software component could be identified',
    detail: `No package database and no known version string was found in ${layers.length === 1 ? layers[0] : `any of the ${layers.length} filesystems of ${first.target.image}`}, so nothing could be matched against known vulnerabilities.`,
    location: where(first.target, '/'), evidence: `${all.reduce((n, t) => n + t.inventory.binariesScanned, 0)} binaries read`,
    remediation: 'Ship a package database or an SBOM with the firmware, so that its components can be checked.',
  };
}

function noDatabase(t: TargetComponents, why: string): FindingDraft {
  return {
    provisions: [...PROVISIONS], severity: 'medium', verdict: 'inconclusive', key: 'no-database',
    title: 'Components not checked: no vulnerability database',
    detail: `${t.components.length} component(s) were identified in ${t.target.image}, but ${why}, so none was checked against known vulnerabilities.`,
    location: where(t.target, '/'), evidence: t.components.slice(0, 20).map((c) => `${c.name} ${c.version ?? ''}`.trim()).join(', '),
    remediation: 'Download advisories (OSV exports, NVD feeds) and load them with `iotcop vulndb import`, or point --vulndb at a database.',
  };
}

