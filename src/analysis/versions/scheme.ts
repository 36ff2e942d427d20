import { compareApk } from './apk.js';
import { compareDpkg } from './dpkg.js';
import { compareGeneric } from './generic.js';
import { compareSemver } from './semver.js';

/** A version ordering. `opkg` is dpkg's algorithm, kept apart so that findings can name it. */
export type VersionScheme = 'semver' | 'dpkg' | 'opkg' | 'apk' | 'generic';

/** Negative, zero or positive as `a` sorts before, with or after `b` under `scheme`. */
export function compareVersions(scheme: VersionScheme, a: string, b: string): number {
  switch (scheme) {
    case 'dpkg':
    case 'opkg': return compareDpkg(a, b);
    case 'apk': return compareApk(a, b);
    // SemVer ranges in the wild hold the odd non-semver version: fall back to the generic order for those.
    case 'semver': return compareSemver(a, b) ?? compareGeneric(a, b);
    default: return compareGeneric(a, b);
  }
}

/** Distribution ecosystems of OSV, by the part before the first `:` (`Debian:12`, `Alpine:v3.19`). */
const BY_ECOSYSTEM: Readonly<Record<string, VersionScheme>> = {
  debian: 'dpkg', ubuntu: 'dpkg', openwrt: 'opkg', alpine: 'apk', wolfi: 'apk', chainguard: 'apk', minimos: 'apk',
  npm: 'semver', go: 'semver', 'crates.io': 'semver', hex: 'semver', pub: 'semver', swifturl: 'semver', nuget: 'semver',
};

/**
 * The ordering of an OSV range: SEMVER ranges are semantic versions; ECOSYSTEM ranges follow their ecosystem
 * (distribution package managers), and everything else (CPE ranges, C projects) the generic upstream order.
 */
export function schemeFor(ecosystem: string, rangeType = 'ECOSYSTEM'): VersionScheme {
  if (rangeType === 'SEMVER') return 'semver';
  return BY_ECOSYSTEM[ecosystem.split(':')[0]!.toLowerCase()] ?? 'generic';
}
