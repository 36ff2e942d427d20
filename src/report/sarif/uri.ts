/**
 * URIs for SARIF `artifactLocation.uri` (RFC 3986 URI references). Paths come from firmware and the command
 * line, so every segment is percent-encoded: spaces, `#`, `?`, `%` and non-ASCII names stay valid references.
 */

function encodeSegments(path: string): string {
  return path.split('/').map((s) => encodeURIComponent(s)).join('/');
}

/** A path inside a firmware image (`/etc/shadow`), relative to the image's root so it can hang off a uriBaseId. */
export function imagePathUri(path: string): string {
  const relative = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return relative === '' ? '.' : encodeSegments(relative);
}

/** Where a file on the assessing machine is: absolute paths become `file:` URIs, relative ones stay relative. */
export function diskPathUri(path: string): { uri: string; relative: boolean } {
  const slashed = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${slashed.slice(0, 2)}${encodeSegments(slashed.slice(2))}`, relative: false };
  if (slashed.startsWith('/')) return { uri: `file://${encodeSegments(slashed)}`, relative: false };
  // `:` is percent-encoded with the rest, so a first segment like `c:x` cannot be read as a scheme.
  const encoded = encodeSegments(slashed.replace(/^(\.\/)+/, ''));
  return { uri: encoded === '' ? '.' : encoded, relative: true };
}
