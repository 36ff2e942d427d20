import { derivationOf, isCounter, sourcesOfPassword } from '../../analysis/credentials/index.js';
import { mask, type FindingDraft } from '../../model/index.js';
import type { CheckContext, ProvisioningRecords } from '../types.js';

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  return Promise.resolve((ctx.evidence.provisioning ?? []).flatMap(forFile));
}

function forFile(p: ProvisioningRecords): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const col of p.passwordColumns) {
    const name = p.columns[col] ?? `column ${col + 1}`;
    const rows = p.records.map((r) => ({ line: r.line, value: (r.fields[col] ?? '').trim(), mac: p.macColumn !== undefined ? r.fields[p.macColumn] : undefined, serial: p.serialColumn !== undefined ? r.fields[p.serialColumn] : undefined }))
      .filter((r) => r.value !== '');
    const before = out.length;
    const at = (line: number) => ({ path: p.path, line });
    const groups = new Map<string, number[]>();
    for (const r of rows) groups.set(r.value, [...(groups.get(r.value) ?? []), r.line]);
    const shared = [...groups].filter(([, lines]) => lines.length > 1).sort((a, b) => b[1].length - a[1].length);
    if (shared.length) {
      const [value, lines] = shared[0]!;
      out.push({
        provisions: ['5.1-1'], severity: 'critical', verdict: 'fail', key: `shared:${name}`,
        title: `${shared.reduce((n, [, l]) => n + l.length, 0)} units share ${name} values`,
        detail: `In ${p.path}, ${shared.length} ${name} value(s) are given to more than one unit; the most common is on ${lines.length} units (lines ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ', ...' : ''}). A password shared by units is not unique per device.`,
        location: at(lines[0]!), evidence: `${name}=${mask(value)} x${lines.length}`,
        remediation: 'Generate every unit\'s password independently from a cryptographically secure random source.',
      });
    }
    const known = rows.filter((r) => sourcesOfPassword(r.value).length > 0);
    if (known.length) {
      out.push({
        provisions: ['5.1-1'], severity: 'critical', verdict: 'fail', key: `known:${name}`,
        title: `${known.length} unit(s) get a publicly listed default ${name}`,
        detail: `${p.path} lines ${known.slice(0, 10).map((r) => r.line).join(', ')} give units ${name} values that appear in public default or common password lists (${sourcesOfPassword(known[0]!.value).join('; ')}).`,
        location: at(known[0]!.line), evidence: known.slice(0, 5).map((r) => mask(r.value)).join(', '),
        remediation: 'Use long random per-unit passwords; reject any that appear in common-password lists.',
      });
    }
    const derived = rows.map((r) => ({ r, d: derivationOf(r.value, r.mac, r.serial) })).filter((x) => x.d);
    if (derived.length > 0 && derived.length * 2 >= rows.length) {
      const what = derived[0]!.d === 'mac' ? 'MAC address' : 'serial number';
      out.push({
        provisions: ['5.1-1', '5.1-2'], severity: 'high', verdict: 'fail', key: `derived:${name}`,
        title: `${name} is derived from the unit's ${what}`,
        detail: `In ${derived.length} of ${rows.length} records of ${p.path}, ${name} contains the unit's ${what} (e.g. line ${derived[0]!.r.line}): anyone who sees the ${what} (broadcast, printed, in the Wi-Fi beacon) can compute the password.`,
        location: at(derived[0]!.r.line), evidence: derived.slice(0, 3).map((x) => mask(x.r.value)).join(', '),
        remediation: 'Generate passwords randomly, independent of any identifier of the unit.',
      });
    }
    if (isCounter(rows.map((r) => r.value))) {
      out.push({
        provisions: ['5.1-1', '5.1-2'], severity: 'high', verdict: 'fail', key: `counter:${name}`,
        title: `${name} values follow a counter`,
        detail: `${p.path}: the ${name} values grow by a constant step from record to record, so one unit's password gives every other's.`,
        location: at(rows[0]!.line), evidence: rows.slice(0, 3).map((r) => mask(r.value)).join(', '),
        remediation: 'Replace the counter with a cryptographically secure random password per unit.',
      });
    }
    if (out.length === before && rows.length > 1) {
      out.push({
        provisions: ['5.1-1', '5.1-2'], severity: 'info', verdict: 'pass', key: `ok:${name}`,
        title: `${name} values are unique and show no derivation`,
        detail: `${rows.length} records in ${p.path}: every ${name} is different, none is a listed default, none contains the unit's MAC address or serial, and they follow no counter.`,
        location: at(rows[0]!.line), evidence: `${rows.length} distinct values`, remediation: 'Nothing to fix.',
      });
    }
  }
  return out;
}
