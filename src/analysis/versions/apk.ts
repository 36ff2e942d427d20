// Alpine's apk version ordering (apk-tools, src/version.c): digits separated by dots, an optional letter,
// suffixes (_alpha, _beta, _pre, _rc before the release; _cvs, _svn, _git, _hg, _p after it), then -rN.

const SUFFIX_RANK: Readonly<Record<string, number>> = { alpha: 0, beta: 1, pre: 2, rc: 3, cvs: 5, svn: 6, git: 7, hg: 8, p: 9 };
/** Rank of "no suffix": between the pre-release and the post-release suffixes. */
const RELEASE = 4;

interface ApkVersion {
  readonly parts: readonly string[];
  readonly letter: string;
  readonly suffixes: readonly { readonly rank: number; readonly n: number }[];
  readonly revision: number;
}

function parse(v: string): ApkVersion {
  const m = /^v?(\d+(?:\.\d+)*)([a-z]?)((?:_[a-z]+\d*)*)(?:-r(\d+))?/i.exec(v.trim());
  if (!m) return { parts: [], letter: '', suffixes: [], revision: 0 };
  const suffixes = [...(m[3] ?? '').matchAll(/_([a-z]+)(\d*)/gi)].map((s) => ({
    rank: SUFFIX_RANK[s[1]!.toLowerCase()] ?? RELEASE, n: s[2] ? Number(s[2]) : 0,
  }));
  return { parts: m[1]!.split('.'), letter: (m[2] ?? '').toLowerCase(), suffixes, revision: m[4] ? Number(m[4]) : 0 };
}

/** apk compares a later component with a leading zero as a decimal fraction (`1.02` < `1.1`), others as integers. */
function comparePart(a: string, b: string, first: boolean): number {
  if (!first && (a.startsWith('0') || b.startsWith('0'))) return a < b ? -1 : a > b ? 1 : 0;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareApk(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.min(x.parts.length, y.parts.length); i++) {
    const c = comparePart(x.parts[i]!, y.parts[i]!, i === 0);
    if (c) return c;
  }
  if (x.parts.length !== y.parts.length) return x.parts.length < y.parts.length ? -1 : 1;
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  for (let i = 0; i < Math.max(x.suffixes.length, y.suffixes.length); i++) {
    const s = x.suffixes[i] ?? { rank: RELEASE, n: 0 };
    const t = y.suffixes[i] ?? { rank: RELEASE, n: 0 };
    if (s.rank !== t.rank) return s.rank < t.rank ? -1 : 1;
    if (s.n !== t.n) return s.n < t.n ? -1 : 1;
  }
  return Math.sign(x.revision - y.revision);
}
