import { PackageURL } from 'packageurl-js';
import type { Product } from './products.js';

/** Package URL (purl-spec) of a component: `pkg:<type>/<namespace>/<name>@<version>?<qualifiers>`. */
export function purlOf(type: string, namespace: string | undefined, name: string, version: string | undefined, qualifiers: Readonly<Record<string, string | undefined>> = {}): string {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(qualifiers)) if (v) q[k] = v;
  return new PackageURL(type, namespace ?? null, name, version ?? null, Object.keys(q).length ? q : null, null).toString();
}

/**
 * Quotes a value for the CPE 2.3 formatted string binding (NISTIR 7695, 6.2): every character other than a
 * letter, digit, `_`, `-` or `.` is escaped with a backslash.
 */
export function cpeValue(v: string): string {
  return v.replace(/[^A-Za-z0-9_.-]/g, (c) => `\\${c}`);
}

/** `x.yp1` patch levels go in the CPE update field, as NVD records OpenSSH (`openssh:8.0:p1`). */
function splitUpdate(product: Product, version: string): [string, string] {
  const m = product.id === 'openssh' ? /^(\d+\.\d+(?:\.\d+)?)(p\d+)$/.exec(version) : null;
  return m ? [m[1]!, m[2]!] : [version, '*'];
}

/** CPE 2.3 formatted string of a product at an upstream version. */
export function cpeOf(product: Product, version: string | undefined): string | undefined {
  const name = product.cpe[0];
  if (!name) return undefined;
  const [vendor, prod] = name.split(':') as [string, string];
  const [v, update] = version ? splitUpdate(product, version) : ['*', '*'];
  return `cpe:2.3:${product.part ?? 'a'}:${vendor}:${prod}:${v === '*' ? v : cpeValue(v)}:${update}:*:*:*:*:*:*`;
}
