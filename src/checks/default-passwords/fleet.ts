import { derivationOf, isCounter } from '../../analysis/credentials/index.js';
import { where, type Target } from '../../analysis/tree/index.js';
import { mask, type FindingDraft } from '../../model/index.js';
import type { Discovery } from './discover.js';

// Several images or dumps of one product (one per unit): the same credential on every unit is a universal
// default even when it is not in any public list, and per-unit passwords must not follow the unit's MAC, serial
// or a counter (PSTI Schedule 1 paragraph 1, EN 303 645 5.1-2).

function valueOf(s: Discovery['credentials'][number]['secret']): string | undefined {
  return s.kind === 'hash' ? s.raw : s.kind === 'plain' ? s.value : undefined;
}

export function fleetFindings(found: readonly { t: Target; d: Discovery }[]): FindingDraft[] {
  const images = new Set(found.map((f) => f.t.image));
  if (images.size < 2) return [];
  const byAccount = new Map<string, { t: Target; value: string; plain: boolean; mac?: string; serial?: string; line?: number }[]>();
  for (const { t, d } of found) {
    for (const c of d.credentials) {
      const value = valueOf(c.secret);
      if (value === undefined) continue;
      const k = `${c.path}\u0000${c.user}`;
      const list = byAccount.get(k) ?? [];
      list.push({ t, value, plain: c.secret.kind === 'plain', ...(d.identity.macs[0] ? { mac: d.identity.macs[0] } : {}), ...(d.identity.serials[0] ? { serial: d.identity.serials[0] } : {}), ...(c.line ? { line: c.line } : {}) });
      byAccount.set(k, list);
    }
  }
  const out: FindingDraft[] = [];
  for (const [k, list] of [...byAccount].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [path, user] = k.split('\u0000') as [string, string];
    const first = list[0]!;
    const at = where(first.t, path, first.line ? { line: first.line } : {});
    const same = new Set(list.map((x) => x.value));
    if (list.length >= 2 && same.size === 1) {
      out.push({
        provisions: ['5.1-1'], severity: 'critical', verdict: 'fail', key: `fleet-identical:${k}`,
        title: `${user} has the same password on ${list.length} units`,
        detail: `${path} gives ${user} an identical ${first.plain ? 'password' : 'password hash'} in ${list.length} of ${images.size} images/dumps (${list.map((x) => x.t.image).join(', ')}): the password is not unique per unit.`,
        location: at, evidence: `${user}:${mask(first.value)} x${list.length}`,
        remediation: 'Generate each unit\'s password at manufacture from a cryptographically secure random source and store it only on that unit (and its label).',
      });
      continue;
    }
    const plains = list.filter((x) => x.plain);
    const derived = plains.map((x) => derivationOf(x.value, x.mac, x.serial)).filter(Boolean);
    if (plains.length >= 2 && derived.length === plains.length) {
      out.push({
        provisions: ['5.1-1', '5.1-2'], severity: 'high', verdict: 'fail', key: `fleet-derived:${k}`,
        title: `${user}'s per-unit password is derived from the unit's ${derived[0] === 'mac' ? 'MAC address' : 'serial number'}`,
        detail: `In every one of ${plains.length} dumps, the password of ${user} in ${path} contains the unit's ${derived[0] === 'mac' ? 'MAC address' : 'serial number'}: anyone who can see the identifier (it is broadcast or printed) can compute the password.`,
        location: at, evidence: plains.map((x) => mask(x.value)).join(', '),
        remediation: 'Derive nothing from public identifiers: generate per-unit passwords randomly and record them at manufacture.',
      });
    } else if (isCounter(plains.map((x) => x.value))) {
      out.push({
        provisions: ['5.1-1', '5.1-2'], severity: 'high', verdict: 'fail', key: `fleet-counter:${k}`,
        title: `${user}'s per-unit passwords follow a counter`,
        detail: `The passwords of ${user} in ${path} across ${plains.length} dumps grow by a constant step: knowing one unit's password gives the others.`,
        location: at, evidence: plains.map((x) => mask(x.value)).join(', '),
        remediation: 'Replace the counter with a cryptographically secure random password per unit.',
      });
    }
  }
  return out;
}
