// Debian version ordering (Debian Policy 5.6.12, the algorithm of dpkg's verrevcmp): [epoch:]upstream[-revision].
// opkg (OpenWrt) compares versions with the same algorithm, inherited from dpkg.

interface DebVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

function parse(v: string): DebVersion {
  const s = v.trim();
  const colon = s.indexOf(':');
  const epochText = colon > 0 && /^\d+$/.test(s.slice(0, colon)) ? s.slice(0, colon) : '';
  const rest = epochText ? s.slice(colon + 1) : s;
  const dash = rest.lastIndexOf('-');
  return {
    epoch: epochText ? Number(epochText) : 0,
    upstream: dash > 0 ? rest.slice(0, dash) : rest,
    revision: dash > 0 ? rest.slice(dash + 1) : '',
  };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Weight of a character in the non-digit parts: `~` before everything (even the end), letters before other symbols. */
function order(c: number | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isLetter(c)) return c;
  if (c === 126) return -1; // '~'
  return c + 256;
}

/** dpkg's verrevcmp: alternating non-digit and digit runs; digit runs compare as integers. */
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const ac = order(i < a.length ? a.charCodeAt(i) : undefined);
      const bc = order(j < b.length ? b.charCodeAt(j) : undefined);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    while (i < a.length && isDigit(a.charCodeAt(i)) && j < b.length && isDigit(b.charCodeAt(j))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a.charCodeAt(i))) return 1;
    if (j < b.length && isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in Debian's ordering. */
export function compareDpkg(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  return Math.sign(x.epoch - y.epoch || verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision));
}

/** The upstream part of a Debian/opkg version: no epoch, no revision (`1:1.18.5-1ubuntu4` -> `1.18.5`). */
export function upstreamOf(v: string): string {
  return parse(v).upstream;
}
