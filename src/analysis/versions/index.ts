export { compareVersions, schemeFor, type VersionScheme } from './scheme.js';
export { compareDpkg, upstreamOf } from './dpkg.js';
export { compareApk } from './apk.js';
export { compareSemver, parseSemver } from './semver.js';
export { compareGeneric } from './generic.js';
