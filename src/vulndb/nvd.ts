import { parseCpe } from './cpe.js';
import type { RangeEvent } from './types.js';

// NVD CVE records (CVE API 2.0 and the JSON 2.0 data feeds, which share the `vulnerabilities[].cve` shape)
// converted to OSV records on import. Each vulnerable `cpeMatch` of the configurations becomes an affected
// package in the `CPE` ecosystem named `vendor:product`: versionStartIncluding/Excluding become `introduced`
// (an excluding start is flagged in the range's database_specific), versionEndExcluding `fixed`,
// versionEndIncluding `last_affected`; a CPE naming one version adds it to `versions` (OpenSSH style
// `8.0:p1` as `8.0p1`). Rejected CVEs are withdrawn.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

interface Affected {
  ranges: { type: 'ECOSYSTEM'; events: RangeEvent[]; database_specific?: { introduced_exclusive: true } }[];
  versions: string[];
}

function cpeMatches(configurations: unknown): Json[] {
  const out: Json[] = [];
  const walk = (nodes: unknown) => {
    for (const n of Array.isArray(nodes) ? nodes.slice(0, 500) : []) {
      if (!isObject(n) || n.negate === true) continue;
      for (const m of Array.isArray(n.cpeMatch) ? n.cpeMatch.slice(0, 5000) : []) if (isObject(m) && m.vulnerable === true) out.push(m);
      walk(n.children);
    }
  };
  for (const c of Array.isArray(configurations) ? configurations.slice(0, 500) : []) if (isObject(c)) walk(c.nodes);
  return out;
}

function addMatch(by: Map<string, Affected>, m: Json): void {
  const cpe = parseCpe(str(m.criteria) ?? '');
  if (!cpe || cpe.version === '-') return;
  const key = `${cpe.vendor}:${cpe.product}`;
  const entry = by.get(key) ?? { ranges: [], versions: [] };
  by.set(key, entry);
  const [si, se, ee, ei] = ['versionStartIncluding', 'versionStartExcluding', 'versionEndExcluding', 'versionEndIncluding'].map((k) => str(m[k]));
  if (si || se || ee || ei || cpe.version === '*') {
    const events: RangeEvent[] = [{ introduced: si ?? se ?? '0' }];
    if (ee) events.push({ fixed: ee });
    else if (ei) events.push({ last_affected: ei });
    else if (cpe.version !== '*') events.push({ last_affected: cpe.version });
    entry.ranges.push({ type: 'ECOSYSTEM', events, ...(se && !si ? { database_specific: { introduced_exclusive: true as const } } : {}) });
  } else {
    entry.versions.push(cpe.update && cpe.update !== '*' && cpe.update !== '-' ? `${cpe.version}${cpe.update}` : cpe.version);
  }
}

/** The primary CVSS metric of a kind (NVD's own first), as vector and score. */
function metric(metrics: Json, key: string): { vector: string; score: number } | undefined {
  const list = Array.isArray(metrics[key]) ? (metrics[key] as unknown[]).filter(isObject) : [];
  const best = list.find((m) => m.type === 'Primary') ?? list[0];
  const data = best && isObject(best.cvssData) ? best.cvssData : undefined;
  const vector = str(data?.vectorString);
  return vector && typeof data?.baseScore === 'number' ? { vector, score: data.baseScore } : undefined;
}

/** One NVD `vulnerabilities[]` item as an OSV record, or undefined when it is not a CVE item. */
export function nvdToOsv(item: unknown): Json | undefined {
  const cve = isObject(item) && isObject(item.cve) ? item.cve : undefined;
  const id = str(cve?.id);
  if (!cve || !id) return undefined;
  const descriptions = Array.isArray(cve.descriptions) ? cve.descriptions.filter(isObject) : [];
  const details = str((descriptions.find((d) => d.lang === 'en') ?? descriptions[0])?.value) ?? '';
  const metrics = isObject(cve.metrics) ? cve.metrics : {};
  const v31 = metric(metrics, 'cvssMetricV31') ?? metric(metrics, 'cvssMetricV30');
  const v40 = metric(metrics, 'cvssMetricV40');
  const v2 = metric(metrics, 'cvssMetricV2');
  const chosen = v31 ?? v40 ?? v2;
  const type = chosen === v31 ? 'CVSS_V3' : chosen === v40 ? 'CVSS_V4' : 'CVSS_V2';
  const by = new Map<string, Affected>();
  for (const m of cpeMatches(cve.configurations)) addMatch(by, m);
  const modified = str(cve.lastModified) ?? str(cve.published);
  const rejected = /^rejected$/i.test(str(cve.vulnStatus) ?? '');
  return {
    id, modified: modified && !/[zZ]|[+-]\d\d:?\d\d$/.test(modified) ? `${modified}Z` : modified,
    published: str(cve.published), ...(rejected ? { withdrawn: modified } : {}),
    details,
    ...(chosen ? { severity: [{ type, score: chosen.vector }], database_specific: { cvss_score: chosen.score } } : {}),
    affected: [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, a]) => ({ package: { ecosystem: 'CPE', name }, ranges: a.ranges, versions: a.versions })),
    references: (Array.isArray(cve.references) ? cve.references.filter(isObject) : []).map((r) => ({ type: 'WEB', url: str(r.url) })).filter((r) => r.url),
  };
}
