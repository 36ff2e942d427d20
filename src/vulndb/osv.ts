import type { Severity } from '../model/index.js';
import { cvss2Score, cvss3Score, severityOfScore, severityOfWord } from './cvss.js';
import type { AffectedPackage, Advisory, RangeEvent, StoredRange } from './types.js';

// OSV records (ossf/osv-schema, docs/schema.md) read defensively: every field is checked for its type, lists
// are capped, GIT ranges are dropped (they need the repository's commit graph), and a record that is not an
// OSV record is refused with the reason, never half-stored.

const MAX_AFFECTED = 5_000;
const MAX_VERSIONS = 50_000;
const MAX_EVENTS = 1_000;
const MAX_DETAILS = 4_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown, max: number): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, max) : []);

function events(v: unknown): RangeEvent[] {
  const out: RangeEvent[] = [];
  for (const e of Array.isArray(v) ? v.slice(0, MAX_EVENTS) : []) {
    if (!isObject(e)) continue;
    for (const key of ['introduced', 'fixed', 'last_affected', 'limit'] as const) {
      const value = str(e[key]);
      if (value !== undefined) {
        out.push({ [key]: value });
        break;
      }
    }
  }
  return out;
}

function ranges(v: unknown): StoredRange[] {
  const out: StoredRange[] = [];
  for (const r of Array.isArray(v) ? v.slice(0, MAX_EVENTS) : []) {
    if (!isObject(r) || (r.type !== 'SEMVER' && r.type !== 'ECOSYSTEM')) continue;
    const ev = events(r.events);
    const exclusive = isObject(r.database_specific) && r.database_specific.introduced_exclusive === true;
    if (ev.some((e) => e.introduced !== undefined)) out.push({ type: r.type, events: ev, ...(exclusive ? { introducedExclusive: true } : {}) });
  }
  return out;
}

function affected(v: unknown): AffectedPackage[] {
  const out: AffectedPackage[] = [];
  for (const a of Array.isArray(v) ? v.slice(0, MAX_AFFECTED) : []) {
    if (!isObject(a) || !isObject(a.package)) continue;
    const ecosystem = str(a.package.ecosystem);
    const name = str(a.package.name);
    if (!ecosystem || !name) continue;
    const r = ranges(a.ranges);
    const versions = strings(a.versions, MAX_VERSIONS);
    if (r.length > 0 || versions.length > 0) out.push({ ecosystem, name: ecosystem === 'CPE' ? name.toLowerCase() : name, ranges: r, versions });
  }
  return out;
}

interface Scored {
  readonly severity?: Severity;
  readonly score?: number;
  readonly vector?: string;
}

/** The strongest severity statement of a record: CVSS v3 (computed), v4 or v2 vectors, then textual ratings. */
function scoring(record: Json): Scored {
  const lists = [record.severity, ...(Array.isArray(record.affected) ? record.affected.map((a) => (isObject(a) ? a.severity : undefined)) : [])];
  const all = lists.flatMap((l) => (Array.isArray(l) ? l.filter(isObject) : []));
  const vector = (type: string) => all.map((s) => (s.type === type ? str(s.score) : undefined)).find((x) => x !== undefined);
  const given = isObject(record.database_specific) && typeof record.database_specific.cvss_score === 'number' ? record.database_specific.cvss_score : undefined;
  const v3 = vector('CVSS_V3');
  const s3 = v3 ? cvss3Score(v3) : undefined;
  if (v3 && s3 !== undefined) return { severity: severityOfScore(given ?? s3), score: given ?? s3, vector: v3 };
  const v4 = vector('CVSS_V4');
  if (v4 && given !== undefined) return { severity: severityOfScore(given, 4), score: given, vector: v4 };
  const v2 = vector('CVSS_V2');
  const s2 = v2 ? cvss2Score(v2) : undefined;
  if (v2 && s2 !== undefined) return { severity: severityOfScore(s2, 2), score: s2, vector: v2 };
  const words = [vector('Ubuntu'), isObject(record.database_specific) ? str(record.database_specific.severity) : undefined].filter((w): w is string => !!w);
  const word = words.map(severityOfWord).find((s) => s !== undefined);
  return { ...(word ? { severity: word } : {}), ...(v4 ? { vector: v4 } : {}) };
}

/** An OSV record as an Advisory, or the reason it is not one. */
export function fromOsv(record: unknown, source: Advisory['source'] = 'osv'): Advisory | string {
  if (!isObject(record)) return 'not a JSON object';
  const id = str(record.id);
  const modified = str(record.modified);
  if (!id || id.length > 200) return 'no `id`';
  if (!modified || Number.isNaN(Date.parse(modified))) return `${id}: no valid \`modified\` date`;
  const refs = Array.isArray(record.references) ? record.references.filter(isObject).map((r) => str(r.url)).filter((u): u is string => !!u).slice(0, 20) : [];
  const published = str(record.published);
  const withdrawn = str(record.withdrawn);
  return {
    id, modified,
    aliases: [...new Set([...strings(record.aliases, 100), ...strings(record.upstream, 100)])].filter((a) => a !== id).sort(),
    ...(published ? { published } : {}), ...(withdrawn ? { withdrawn } : {}),
    summary: (str(record.summary) ?? '').slice(0, 500),
    details: (str(record.details) ?? '').slice(0, MAX_DETAILS),
    ...scoring(record),
    references: refs, source, affected: affected(record.affected),
  };
}
