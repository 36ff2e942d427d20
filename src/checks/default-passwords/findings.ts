import type { CrackResult } from '../../analysis/crack/index.js';
import { sourcesOfPassword } from '../../analysis/credentials/index.js';
import type { ConsoleShell } from '../../analysis/boot/index.js';
import { where, type Target } from '../../analysis/tree/index.js';
import { mask, type FindingDraft } from '../../model/index.js';
import { MAC_SOURCE, SERIAL_SOURCE } from './crack-jobs.js';
import type { Credential, GeneratedStore } from './types.js';

// Turns credentials and what the verification found into findings, one per account and store.

const FIX_LOGIN = 'Ship the account locked (`*` or `!` in the password field) and have the owner set a password on first use, or set a unique random password per unit at manufacture (stored in a per-unit partition, never in the image).';
const FIX_WEB = 'Remove the password from the image: require the owner to choose one on first use, or provision a unique random one per unit at manufacture and print it on the unit\'s label.';

function loc(t: Target, c: Credential) {
  return where(t, c.path, { ...(c.line !== undefined ? { line: c.line } : {}), ...(c.offset !== undefined ? { offset: c.offset } : {}) });
}

function key(c: Credential): string {
  return `${c.store}:${c.user}`;
}

export function emptyPassword(t: Target, c: Credential): FindingDraft | undefined {
  if (c.purpose === 'login' && !c.loginCapable) return undefined;
  return {
    provisions: ['5.1-1'], severity: c.purpose === 'login' ? 'critical' : 'high', verdict: 'fail', key: key(c),
    title: `${c.purpose === 'login' ? 'Login account' : 'Account'} ${c.user} has an empty password`,
    detail: `${c.path}${c.line ? `:${c.line}` : ''} (${c.store}) gives ${c.user} an empty password: anyone who reaches a login on any unit gets in. An empty password is the most universal default of all.`,
    location: loc(t, c), evidence: `${c.user}:(empty)`, remediation: c.purpose === 'login' ? FIX_LOGIN : FIX_WEB,
  };
}

export function consoleShell(t: Target, s: ConsoleShell): FindingDraft {
  return {
    provisions: ['5.1-1'], severity: 'critical', verdict: 'fail', key: `console:${s.tty}:${s.line}`,
    title: `Password-less shell on ${s.tty}`,
    detail: `${s.by}${s.line ? `:${s.line}` : ''} ${s.why}; whoever connects to that console (serial header, virtual terminal) gets a root shell without any password.`,
    location: where(t, s.by, s.line ? { line: s.line } : {}), evidence: s.process,
    remediation: 'Run a login (getty/`login`) on the console instead of a shell, or remove the console entry from production builds; keep the serial console disabled or authenticated.',
  };
}

export function hashedCredential(t: Target, c: Credential, r: CrackResult | undefined): FindingDraft | undefined {
  if (c.secret.kind !== 'hash') return undefined;
  const raw = c.secret.raw;
  const ev = `${c.user}:${raw.slice(0, raw.lastIndexOf('$') + 1 || 2)}${mask(raw.slice(raw.lastIndexOf('$') + 1), 0)} (${c.secret.stored.scheme})`;
  const fix = c.purpose === 'login' ? FIX_LOGIN : FIX_WEB;
  if (r?.status === 'cracked') {
    const derived = r.candidate.sources.some((s) => s === MAC_SOURCE || s === SERIAL_SOURCE);
    return {
      provisions: derived ? ['5.1-1', '5.1-2'] : ['5.1-1'], severity: 'critical', verdict: 'fail', key: key(c),
      title: `${c.user} uses a known default password (${c.secret.stored.scheme} hash cracked)`,
      detail: `The ${c.store} entry for ${c.user} at ${c.path}${c.line ? `:${c.line}` : ''} is the ${c.secret.stored.scheme} hash of a password ${derived ? 'derived from the unit\'s identity' : 'listed in public default-credential lists'} (${r.candidate.sources.join('; ')}). It was found after ${r.tried} candidate(s).`,
      location: loc(t, c), evidence: `${ev}; password ${mask(r.candidate.password)}`, remediation: fix,
    };
  }
  const search = !r ? '' : r.status === 'not-found' ? ` None of the ${r.tried} dataset passwords matched.` : ` The search is unfinished (${r.reason}; ${r.tried} of ${r.total} candidates tried).`;
  if (c.purpose === 'login' && !c.loginCapable && c.store !== 'shadow') return undefined;
  return {
    provisions: ['5.1-1'], severity: c.purpose === 'login' && c.loginCapable ? 'high' : 'medium', verdict: 'fail', key: key(c),
    title: `${c.user} has a fixed password hash built into the image`,
    detail: `${c.path}${c.line ? `:${c.line}` : ''} (${c.store}) ships a ${c.secret.stored.scheme} password hash for ${c.user}${c.loginCapable ? ', an account that can log in' : ''}: every unit built from this image has the same password, a universal default under PSTI Schedule 1 paragraph 1, unless something replaces it per unit at first boot.${search}`,
    location: loc(t, c), evidence: ev, remediation: fix,
  };
}

export function plainCredential(t: Target, c: Credential): FindingDraft | undefined {
  if (c.secret.kind !== 'plain') return undefined;
  const value = c.secret.value;
  const sources = sourcesOfPassword(value);
  if (c.purpose === 'wifi-client') {
    return {
      provisions: ['5.4-3'], severity: 'medium', verdict: 'fail', key: key(c),
      title: `Hard-coded Wi-Fi network passphrase in ${c.path}`,
      detail: `${c.path}:${c.line ?? '?'} stores the passphrase of a network the device joins (${c.user}); every unit carries it in plain text.`,
      location: loc(t, c), evidence: `psk=${mask(value)}`,
      remediation: 'Do not ship network credentials in the image; provision them at setup (the owner enters them) and keep them in per-unit storage.',
    };
  }
  const what = c.purpose === 'wifi-ap' ? 'the device\'s own Wi-Fi access point' : c.purpose === 'mqtt' ? 'the MQTT broker' : 'a service of the device';
  return {
    provisions: ['5.1-1'], severity: sources.length > 0 ? 'critical' : 'high', verdict: 'fail', key: key(c),
    title: `Plain-text default password for ${c.user} in ${c.path}`,
    detail: `${c.path}${c.line ? `:${c.line}` : ''} (${c.store}) sets the password of ${what} for ${c.user} in plain text: it is the same on every unit built from this image.${sources.length ? ` It is a publicly listed default (${sources.join('; ')}).` : ''}`,
    location: loc(t, c), evidence: `${c.user}=${mask(value)}`,
    remediation: c.purpose === 'wifi-ap' ? 'Generate a unique random passphrase per unit at manufacture (printed on the label) or have the owner set it during setup.' : FIX_WEB,
  };
}

export function generatedFinding(t: Target, g: GeneratedStore, parsed: number): FindingDraft {
  const writers = g.writers.map((w) => `${w.path}${w.line ? `:${w.line}` : ''}${w.offset !== undefined ? `@0x${w.offset.toString(16)}` : ''} (${w.how})`);
  const settled = parsed > 0;
  return {
    provisions: ['5.1-1'], severity: settled ? 'low' : 'medium', verdict: 'inconclusive', key: `generated:${g.path}`,
    title: `${g.path} is generated at boot (link to ${g.target})`,
    detail: `${g.path} is a symbolic link to ${g.target}, which is not in the image: the account list is written at run time. ${writers.length ? `Written by: ${writers.slice(0, 8).join('; ')}.` : 'No script or binary in the image names the target.'} ${settled ? `${parsed} account(s) it writes were recovered and examined.` : 'The accounts it writes could not be recovered statically, so whether they carry default passwords is open.'}`,
    location: where(t, g.path), evidence: `${g.path} -> ${g.target}`,
    remediation: 'Make sure the code that generates the account list gives no account a fixed or empty password; document where per-unit passwords come from.',
  };
}
