import { bootOf } from '../../analysis/boot/index.js';
import { targetsOf, where, type Target, unreadImages } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { crackCredentials } from './crack-jobs.js';
import { discover, type Discovery } from './discover.js';
import { consoleShell, emptyPassword, generatedFinding, hashedCredential, plainCredential } from './findings.js';
import { fleetFindings } from './fleet.js';

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  return [...(await examine(ctx)), ...unreadImages(ctx.evidence.firmware, ['5.1-1'], 'Credential stores')];
}

async function examine(ctx: CheckContext): Promise<FindingDraft[]> {
  const targets = targetsOf(ctx.evidence.firmware);
  const found: { t: Target; d: Discovery }[] = [];
  for (const t of targets) {
    ctx.progress(`credential stores of ${t.image}`);
    found.push({ t, d: await discover(t) });
  }
  ctx.progress('verifying password hashes against known defaults');
  const cracked = await crackCredentials(found.flatMap(({ d }) => d.credentials.map((cred) => ({ cred, identity: d.identity }))), ctx.signal);
  const findings: FindingDraft[] = [];
  // A deep unpack makes a filesystem of every compressed file: "no store found" is said once per image, and
  // only when none of its filesystems had one.
  const imagesWithStores = new Set(found.filter(({ d }) => d.stores.length > 0).map(({ t }) => t.image));
  const toldNoStores = new Set<string>();
  for (const { t, d } of found) {
    const mine: FindingDraft[] = [];
    for (const c of d.credentials) {
      const f = c.secret.kind === 'empty' ? emptyPassword(t, c)
        : c.secret.kind === 'hash' ? hashedCredential(t, c, cracked.get(`${c.user.replace(/\s*\(.*\)$/, '')}\u0000${c.secret.raw}`))
        : plainCredential(t, c);
      if (f) mine.push(f);
    }
    for (const s of (await bootOf(t.vfs)).consoles) mine.push(consoleShell(t, s));
    for (const g of d.generated) mine.push(generatedFinding(t, g, d.credentials.filter((c) => c.path !== g.path).length));
    findings.push(...mine);
    if (d.stores.length > 0) findings.push(...summary(t, d, mine));
    else if (!imagesWithStores.has(t.image) && !toldNoStores.has(t.image)) {
      toldNoStores.add(t.image);
      findings.push(...summary(t, d, mine));
    }
  }
  findings.push(...fleetFindings(found));
  return findings;
}

/** A pass on 5.1-1 for a tree whose stores were all examined and showed no default password. */
function summary(t: Target, d: Discovery, mine: readonly FindingDraft[]): FindingDraft[] {
  if (mine.some((f) => f.provisions.includes('5.1-1') && f.verdict !== 'pass')) return [];
  if (d.stores.length === 0) {
    return [{
      provisions: ['5.1-1'], severity: 'info', verdict: 'inconclusive', key: 'no-stores',
      title: 'No credential store found in the image',
      detail: `No passwd/shadow, web, broker, Wi-Fi or configuration password store was found in ${t.vfs.layer}. Passwords kept elsewhere (a proprietary binary configuration, a separate partition) were not examined.`,
      location: where(t, '/'), evidence: '', remediation: 'If the device uses passwords, tell iotcop where they are stored (an extracted configuration partition) so it can examine them.',
    }];
  }
  const accounts = d.credentials.length;
  return [{
    provisions: ['5.1-1'], severity: 'info', verdict: 'pass', key: 'clean',
    title: 'No universal default password in the credential stores',
    detail: `${d.stores.length} credential store(s) examined (${d.stores.slice(0, 10).join(', ')}${d.stores.length > 10 ? ', ...' : ''}) with ${accounts} account(s): every account is locked or has no password set in the image, and no console gives a shell without a login.`,
    location: where(t, d.stores[0] ?? '/'), evidence: `${accounts} accounts, all locked`, remediation: 'Nothing to fix.',
  }];
}
