// Upstream versions as projects write them, for components found by their version strings and for CPE ranges:
// dotted numbers with letter suffixes (OpenSSL 1.1.1n, 1.0.2zg), patch levels (OpenSSH 8.0p1), date versions
// (Dropbear 2019.78, U-Boot 2020.04) and pre-releases (2.0rc1, 1.36.0-beta2).

type Token = { readonly kind: 'num'; readonly value: bigint } | { readonly kind: 'word'; readonly value: string; readonly pre: boolean };

/** Words that mark a version before its release. Single letters are patch letters (OpenSSL), not pre-releases. */
const PRE_RELEASE: ReadonlyMap<string, number> = new Map([['dev', 0], ['snapshot', 0], ['test', 0], ['alpha', 1], ['beta', 2], ['pre', 3], ['preview', 3], ['rc', 4]]);

export function tokenize(v: string): Token[] {
  const out: Token[] = [];
  for (const m of v.trim().toLowerCase().matchAll(/(\d+)|([a-z]+)/g)) {
    if (m[1] !== undefined) out.push({ kind: 'num', value: BigInt(m[1]) });
    else out.push({ kind: 'word', value: m[2]!, pre: PRE_RELEASE.has(m[2]!) });
  }
  // A leading "v" (v1.2.3) says nothing about order.
  if (out[0]?.kind === 'word' && out[0].value === 'v' && out[1]?.kind === 'num') out.shift();
  return out;
}

function compareWords(a: string, b: string): number {
  // Patch letters grow in length after z (1.0.2z < 1.0.2za), so length decides before the letters do.
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of a token against the end of the other version. */
function againstEnd(t: Token): number {
  if (t.kind === 'num') return t.value === 0n ? 0 : 1;
  return t.pre ? -1 : 1;
}

function compareTokens(x: Token, y: Token): number {
  if (x.kind === 'num' && y.kind === 'num') return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
  if (x.kind === 'word' && y.kind === 'word') {
    if (x.pre !== y.pre) return x.pre ? -1 : 1;
    if (x.pre) return Math.sign(PRE_RELEASE.get(x.value)! - PRE_RELEASE.get(y.value)!) || compareWords(x.value, y.value);
    return compareWords(x.value, y.value);
  }
  // A number against a word at the same place: the number sorts after (1.0.1 > 1.0p1, 1.2.1 > 1.2rc1).
  return x.kind === 'num' ? 1 : -1;
}

/** Compares two upstream versions token by token; trailing zeros do not count (1.2 = 1.2.0). */
export function compareGeneric(a: string, b: string): number {
  const x = tokenize(a);
  const y = tokenize(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const s = x[i];
    const t = y[i];
    const c = s && t ? compareTokens(s, t) : s ? againstEnd(s) : -againstEnd(t!);
    if (c) return c;
  }
  return 0;
}
