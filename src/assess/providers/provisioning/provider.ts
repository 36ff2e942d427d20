import { readFile, stat } from 'node:fs/promises';
import type { Evidence, ProvisioningRecords } from '../../../checks/types.js';
import type { ClassifiedInput } from '../../inputs.js';
import type { ProviderContext } from '../types.js';
import { MAC_COLUMN, parseCsv, PASSWORD_COLUMN, SERIAL_COLUMN } from './csv.js';

const MAX_BYTES = 64 * 1024 * 1024;

export async function collectProvisioning(inputs: readonly ClassifiedInput[], collected: Evidence, ctx: ProviderContext): Promise<Evidence> {
  const out: ProvisioningRecords[] = [];
  for (const input of inputs.filter((i) => i.kind === 'provisioning')) {
    if ((await stat(input.path)).size > MAX_BYTES) continue;
    ctx.progress(`reading provisioning records ${input.path}`);
    const rows = parseCsv(await readFile(input.path, 'utf8'));
    if (!rows || rows.length < 2) continue;
    const header = rows[0]!.map((h) => h.trim());
    const find = (re: RegExp) => header.findIndex((h) => re.test(h));
    out.push({
      path: input.path,
      columns: header,
      passwordColumns: header.flatMap((h, i) => (PASSWORD_COLUMN.test(h) ? [i] : [])),
      ...(find(MAC_COLUMN) >= 0 ? { macColumn: find(MAC_COLUMN) } : {}),
      ...(find(SERIAL_COLUMN) >= 0 ? { serialColumn: find(SERIAL_COLUMN) } : {}),
      records: rows.slice(1).map((fields, i) => ({ line: i + 2, fields })),
    });
  }
  if (out.length === 0) return { ...collected, unavailable: { ...collected.unavailable, provisioning: 'no per-unit provisioning records (CSV) were given' } };
  return { ...collected, provisioning: out };
}
