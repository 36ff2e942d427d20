/** The fields of a CPE 2.3 formatted string (NISTIR 7695, 6.2), unquoted; undefined when malformed. */
export interface CpeName {
  readonly part: string;
  readonly vendor: string;
  readonly product: string;
  readonly version: string;
  readonly update: string;
}

/** Splits on `:` that are not escaped with a backslash, then removes the quoting. */
export function parseCpe(cpe: string): CpeName | undefined {
  if (!cpe.startsWith('cpe:2.3:') || cpe.length > 1000) return undefined;
  const fields: string[] = [];
  let cur = '';
  for (let i = 8; i < cpe.length; i++) {
    const c = cpe[i]!;
    if (c === '\\' && i + 1 < cpe.length) {
      cur += cpe[++i];
    } else if (c === ':') {
      fields.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  fields.push(cur);
  if (fields.length < 5) return undefined;
  const [part, vendor, product, version, update] = fields as [string, string, string, string, string];
  return { part, vendor: vendor.toLowerCase(), product: product.toLowerCase(), version, update };
}
