import type { Severity } from '../model/index.js';

/** One event of an OSV range (exactly one key set). */
export interface RangeEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
  readonly limit?: string;
}

/** An OSV range, as stored: GIT ranges are dropped on import (they cannot be evaluated without the repository). */
export interface StoredRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM';
  readonly events: readonly RangeEvent[];
  /** NVD `versionStartExcluding`: the `introduced` version itself is not affected. */
  readonly introducedExclusive?: boolean;
}

/** One affected package of an advisory, keyed the way OSV keys it. */
export interface AffectedPackage {
  /** OSV ecosystem (`Debian:12`, `Alpine:v3.19`, `OpenWrt`, `npm`), or `CPE` for NVD configurations. */
  readonly ecosystem: string;
  /** Package name in its ecosystem; for `CPE`, `vendor:product` lower-cased. */
  readonly name: string;
  readonly ranges: readonly StoredRange[];
  readonly versions: readonly string[];
}

/** An advisory as stored: what the matcher and the findings need, not the whole record. */
export interface Advisory {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly summary: string;
  readonly details: string;
  readonly severity?: Severity;
  /** CVSS base score (0-10), computed from the vector or as the source gave it. */
  readonly score?: number;
  /** CVSS vector string. */
  readonly vector?: string;
  readonly references: readonly string[];
  readonly source: 'osv' | 'nvd';
  readonly affected: readonly AffectedPackage[];
}

/** Where the database is and how fresh it must be. */
export interface VulnDbSettings {
  /** Path of the SQLite database; undefined: the default location. */
  readonly path?: string;
  /** Older data than this many days makes a clean result inconclusive. */
  readonly maxAgeDays?: number;
}
