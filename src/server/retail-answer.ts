import { RETAIL_CSV_HEADER, retailCsvRow, type RetailResult } from '../registry/retail/check.js';
import { toCsv } from '../registry/retail/csv.js';

// The body of a retailer-check answer, shared by the route (routes/retail.ts) and the fast path in front of Fastify
// (retail-fast-path.ts), so that both send the same bytes.

export const RETAIL_JSON_TYPE = 'application/json; charset=utf-8';
export const RETAIL_CSV_TYPE = 'text/csv; charset=utf-8';

/** CSV when asked with `?format=csv`, or with `Accept: text/csv` and no `format`; JSON otherwise. */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  return format === 'csv' || (format === undefined && /text\/csv/.test(accept ?? ''));
}

export interface RetailAnswer {
  readonly type: string;
  readonly body: string;
}

export function retailAnswer(results: readonly RetailResult[], csv: boolean): RetailAnswer {
  if (csv) return { type: RETAIL_CSV_TYPE, body: toCsv(RETAIL_CSV_HEADER, results.map(retailCsvRow)) };
  let ok = 0;
  for (const r of results) if (r.ok) ok++;
  return { type: RETAIL_JSON_TYPE, body: JSON.stringify({ checked: results.length, ok, results }) };
}
