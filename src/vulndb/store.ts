import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { IotcopError } from '../model/index.js';
import type { AffectedPackage, Advisory, StoredRange } from './types.js';

// The local vulnerability database: one SQLite file. Advisories keep what findings show; affected packages are
// indexed by (ecosystem, name), which is how every lookup comes in. Re-importing an advisory replaces it when
// the new copy is at least as recent.

const SCHEMA_VERSION = '1';

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisories (
  id TEXT PRIMARY KEY, modified TEXT NOT NULL, published TEXT, withdrawn TEXT, aliases TEXT NOT NULL,
  summary TEXT NOT NULL, details TEXT NOT NULL, severity TEXT, score REAL, vector TEXT, refs TEXT NOT NULL, source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS affected (advisory TEXT NOT NULL, ecosystem TEXT NOT NULL, name TEXT NOT NULL, ranges TEXT NOT NULL, versions TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS affected_key ON affected (ecosystem, name);
CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory);
CREATE INDEX IF NOT EXISTS advisories_modified ON advisories (modified);
CREATE TABLE IF NOT EXISTS imports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, imported_at TEXT NOT NULL,
  added INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL, refused INTEGER NOT NULL, feed_date TEXT
);`;

interface AdvisoryRow {
  id: string; modified: string; published: string | null; withdrawn: string | null; aliases: string; summary: string;
  details: string; severity: string | null; score: number | null; vector: string | null; refs: string; source: string;
}

/** An affected-package row found for a lookup, with its advisory id. */
export interface AffectedRow extends AffectedPackage {
  readonly advisory: string;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
}

const iso = (d: string) => {
  const t = Date.parse(d);
  return Number.isNaN(t) ? d : new Date(t).toISOString();
};

export class VulnStore {
  private readonly db: Database.Database;
  private readonly advisoryCache = new Map<string, Advisory | undefined>();
  /** Prepared statements, reused: matching asks the same few queries once per component. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (and creates, unless read-only) the database at `path`. */
  static open(path: string, options: { readonly?: boolean } = {}): VulnStore {
    let db: Database.Database;
    try {
      if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    } catch (error) {
      throw new IotcopError('ERR_VULNDB', `cannot open the vulnerability database ${path}: ${(error as Error).message}`, { cause: error });
    }
    const store = new VulnStore(db);
    try {
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.exec(DDL);
        db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
      }
      const schema = (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value;
      if (schema !== SCHEMA_VERSION) throw new Error(`schema version ${schema ?? 'none'}, expected ${SCHEMA_VERSION}`);
    } catch (error) {
      db.close();
      throw new IotcopError('ERR_VULNDB', `${path} is not an iotcop vulnerability database: ${(error as Error).message}`, {
        cause: error, hint: 'Import advisories into a new file with `iotcop vulndb import --db FILE`.',
      });
    }
    return store;
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  close(): void {
    this.db.close();
  }

  /** Stores advisories in one transaction; returns what happened to each. */
  put(advisories: readonly Advisory[], counts: ImportCounts): void {
    const existing = this.db.prepare('SELECT modified FROM advisories WHERE id = ?');
    const del = this.db.prepare('DELETE FROM affected WHERE advisory = ?');
    const ins = this.db.prepare(`INSERT OR REPLACE INTO advisories (id, modified, published, withdrawn, aliases, summary, details, severity, score, vector, refs, source)
      VALUES (@id, @modified, @published, @withdrawn, @aliases, @summary, @details, @severity, @score, @vector, @refs, @source)`);
    const aff = this.db.prepare('INSERT INTO affected (advisory, ecosystem, name, ranges, versions) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const a of advisories) {
        const modified = iso(a.modified);
        const prev = existing.get(a.id) as { modified: string } | undefined;
        if (prev && prev.modified > modified) { counts.unchanged++; continue; }
        if (prev) { del.run(a.id); counts.updated++; } else { counts.added++; }
        ins.run({
          id: a.id, modified, published: a.published ?? null, withdrawn: a.withdrawn ?? null, aliases: JSON.stringify(a.aliases),
          summary: a.summary, details: a.details, severity: a.severity ?? null, score: a.score ?? null, vector: a.vector ?? null,
          refs: JSON.stringify(a.references), source: a.source,
        });
        for (const p of a.affected) aff.run(a.id, p.ecosystem, p.name, JSON.stringify(p.ranges), JSON.stringify(p.versions));
      }
    })();
  }

  /** Records one import run. */
  logImport(source: string, importedAt: Date, counts: ImportCounts, feedDate?: string): void {
    this.db.prepare('INSERT INTO imports (source, imported_at, added, updated, unchanged, refused, feed_date) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(source, importedAt.toISOString(), counts.added, counts.updated, counts.unchanged, counts.refused, feedDate ? iso(feedDate) : null);
  }

  /** Affected-package rows for a package in any of `ecosystems`. */
  lookup(ecosystems: readonly string[], name: string): AffectedRow[] {
    if (ecosystems.length === 0) return [];
    const marks = ecosystems.map(() => '?').join(', ');
    const rows = this.stmt(`SELECT advisory, ecosystem, name, ranges, versions FROM affected WHERE name = ? AND ecosystem IN (${marks})`)
      .all(name, ...ecosystems) as { advisory: string; ecosystem: string; name: string; ranges: string; versions: string }[];
    return rows.map((r) => ({ advisory: r.advisory, ecosystem: r.ecosystem, name: r.name, ranges: JSON.parse(r.ranges) as StoredRange[], versions: r.versions === '[]' ? [] : JSON.parse(r.versions) as string[] }));
  }

  /** Whether any advisory concerns a package of `ecosystem` (a distribution the data may not cover). */
  hasEcosystem(ecosystem: string): boolean {
    return this.stmt('SELECT 1 FROM affected WHERE ecosystem = ? LIMIT 1').get(ecosystem) !== undefined;
  }

  advisory(id: string): Advisory | undefined {
    if (this.advisoryCache.has(id)) return this.advisoryCache.get(id);
    const r = this.stmt('SELECT * FROM advisories WHERE id = ?').get(id) as AdvisoryRow | undefined;
    const a: Advisory | undefined = r && {
      id: r.id, modified: r.modified, ...(r.published ? { published: r.published } : {}), ...(r.withdrawn ? { withdrawn: r.withdrawn } : {}),
      aliases: JSON.parse(r.aliases) as string[], summary: r.summary, details: r.details,
      ...(r.severity ? { severity: r.severity as NonNullable<Advisory['severity']> } : {}), ...(r.score !== null ? { score: r.score } : {}),
      ...(r.vector ? { vector: r.vector } : {}), references: JSON.parse(r.refs) as string[], source: r.source as Advisory['source'], affected: [],
    };
    this.advisoryCache.set(id, a);
    return a;
  }

  /**
   * How many advisories and how current they are, cheaply (an index gives the newest modification): what a
   * check needs, without status()'s per-ecosystem counts, which scan every affected row.
   */
  freshness(): { readonly advisories: number; readonly dataAsOf?: string } {
    const advisories = (this.stmt('SELECT COUNT(*) AS n FROM advisories').get() as { n: number }).n;
    const newest = (this.stmt('SELECT MAX(modified) AS m FROM advisories').get() as { m: string | null }).m;
    const feed = (this.stmt('SELECT MAX(feed_date) AS m FROM imports').get() as { m: string | null }).m;
    const dataAsOf = [newest, feed].filter((x): x is string => !!x).sort().pop();
    return { advisories, ...(dataAsOf ? { dataAsOf } : {}) };
  }

  /** What is loaded: counts, per-ecosystem counts, imports and how recent the data is. */
  status(): StoreStatus {
    const one = <T>(sql: string) => this.db.prepare(sql).get() as T;
    const advisories = one<{ n: number }>('SELECT COUNT(*) AS n FROM advisories').n;
    const withdrawn = one<{ n: number }>('SELECT COUNT(*) AS n FROM advisories WHERE withdrawn IS NOT NULL').n;
    const newest = one<{ m: string | null }>('SELECT MAX(modified) AS m FROM advisories').m;
    const feed = one<{ m: string | null }>('SELECT MAX(feed_date) AS m FROM imports').m;
    const sources = (this.db.prepare('SELECT source, COUNT(*) AS n FROM advisories GROUP BY source ORDER BY source').all() as { source: string; n: number }[]).map((r) => ({ source: r.source, advisories: r.n }));
    const ecosystems = (this.db.prepare('SELECT ecosystem AS e, COUNT(DISTINCT advisory) AS n FROM affected GROUP BY ecosystem ORDER BY n DESC, e LIMIT 50').all() as { e: string; n: number }[]).map((r) => ({ ecosystem: r.e, advisories: r.n }));
    const imports = (this.db.prepare('SELECT source, imported_at AS importedAt, added, updated, unchanged, refused FROM imports ORDER BY seq DESC LIMIT 20').all() as StoreStatus['imports'][number][]);
    const dataAsOf = [newest, feed].filter((x): x is string => !!x).sort().pop();
    return { advisories, withdrawn, sources, ecosystems, imports, ...(dataAsOf ? { dataAsOf } : {}) };
  }
}

export interface StoreStatus {
  readonly advisories: number;
  readonly withdrawn: number;
  /** Advisories per source: `osv` records, `nvd` CVEs converted on import. */
  readonly sources: readonly { readonly source: string; readonly advisories: number }[];
  readonly ecosystems: readonly { readonly ecosystem: string; readonly advisories: number }[];
  /** Newest first. */
  readonly imports: readonly { readonly source: string; readonly importedAt: string; readonly added: number; readonly updated: number; readonly unchanged: number; readonly refused: number }[];
  /** The most recent advisory modification or feed export date: how current the data is. */
  readonly dataAsOf?: string;
}
