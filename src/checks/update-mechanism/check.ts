import { bootOf } from '../../analysis/boot/index.js';
import { forEachFile, MAX_BINARY_BYTES, targetsOf, where, type Target, unreadImages } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { inspect, type CustomUpdater } from './custom.js';
import { apt, mender, opkg, rauc, swupdate, sysupgrade, type Mechanism } from './detect.js';
import { verificationKeys, type VerificationKey } from './keys.js';

const SKIP = /^\/usr\/share\/(doc|man|info|locale|i18n|zoneinfo|common-licenses|perl5?)\/|^\/usr\/lib\/(python|perl)|\.(mo|gz|xz|png|jpe?g|gif|ico|css)$/;

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  return [...(await examine(ctx)), ...unreadImages(ctx.evidence.firmware, ['5.3-2', '5.3-10'], 'The update mechanism')];
}

async function examine(ctx: CheckContext): Promise<FindingDraft[]> {
  const out: FindingDraft[] = [];
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`update path of ${t.image}`);
    out.push(...(await forTarget(t)));
  }
  return out;
}

async function forTarget(t: Target): Promise<FindingDraft[]> {
  const boot = await bootOf(t.vfs);
  const swArgs = boot.starts.find((s) => s.name === 'swupdate')?.argv ?? [];
  const mechanisms = (await Promise.all([opkg(t.vfs), apt(t.vfs), sysupgrade(t.vfs), swupdate(t.vfs, swArgs), rauc(t.vfs), mender(t.vfs)])).filter((m): m is Mechanism => m !== undefined);
  const custom: { path: string; u: CustomUpdater }[] = [];
  await forEachFile(t.vfs, MAX_BINARY_BYTES, (e, buf) => {
    if (SKIP.test(e.path) || custom.length >= 100) return;
    const u = inspect(buf);
    if (u) custom.push({ path: e.path, u });
  });
  const keys = await verificationKeys(t.vfs);
  const out: FindingDraft[] = [];
  for (const m of mechanisms) out.push(...mechanismFindings(t, m, keys));
  for (const c of custom) out.push(...customFindings(t, c.path, c.u));
  const verity = boot.starts.find((s) => s.name === 'veritysetup' && s.argv.some((a) => a === 'open' || a === 'create'));
  if (verity) {
    out.push({
      provisions: ['5.7-1'], severity: 'info', verdict: 'pass', key: 'verity',
      title: 'The root filesystem is verified at boot (dm-verity)',
      detail: `${verity.by}:${verity.line} opens the root filesystem through dm-verity, so tampered blocks are refused when read.`,
      location: where(t, verity.by, { line: verity.line }), evidence: verity.argv.join(' ').slice(0, 200), remediation: 'Nothing to fix.',
    });
  }
  if (mechanisms.length === 0 && custom.length === 0) {
    out.push({
      provisions: ['5.3-2'], severity: 'medium', verdict: 'inconclusive', key: 'none',
      title: 'No update mechanism found in the image',
      detail: `No package manager (opkg, apt), OpenWrt sysupgrade, swupdate, RAUC, Mender, or script/program that downloads firmware was found in ${t.vfs.layer}. Updates may be handled by a proprietary program iotcop does not recognise, or the device cannot be updated.`,
      location: where(t, '/'), evidence: '', remediation: 'Make sure the device has a secure update mechanism (5.3-2) and document it in the manifest (`updates.mechanism`).',
    });
  }
  return out;
}

function keyList(keys: readonly VerificationKey[], kind?: VerificationKey['kind']): string {
  const mine = kind ? keys.filter((k) => k.kind === kind) : keys;
  return mine.length ? mine.map((k) => `${k.path} (${k.kind})`).join(', ') : 'none found';
}

function mechanismFindings(t: Target, m: Mechanism, keys: readonly VerificationKey[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  const at = where(t, m.path, m.line ? { line: m.line } : {});
  const kind = m.name === 'opkg' || m.name === 'sysupgrade' ? 'usign' : m.name === 'apt' ? 'gpg' : undefined;
  const plain = m.sources.filter((s) => /^(http|ftp):/.test(s.url));
  for (const tls of m.insecureTls) {
    out.push({
      provisions: ['5.3-7'], severity: 'high', verdict: 'fail', key: `${m.name}:tls:${tls.path}:${tls.line}`,
      title: `${m.name} does not verify the update server's TLS certificate`,
      detail: `${tls.path}:${tls.line} switches TLS certificate verification off, so anyone on the path can pose as the update server.`,
      location: where(t, tls.path, { line: tls.line }), evidence: tls.text, remediation: 'Remove the option; verify the server certificate against a pinned CA.',
    });
  }
  if (m.signatures === 'off') {
    out.push({
      provisions: ['5.3-9', '5.3-10'], severity: plain.length ? 'critical' : 'high', verdict: 'fail', key: `${m.name}:nosig`,
      title: `${m.name} installs updates without checking signatures`,
      detail: `${m.name}: ${m.why}.${plain.length ? ` It downloads over plain ${plain[0]!.url.split(':')[0]!.toUpperCase()} (${plain.map((s) => `${s.url} at ${s.path}:${s.line}`).join('; ')}), so anyone on the network path can substitute the update.` : ''}`,
      location: at, evidence: plain[0]?.url ?? m.why, remediation: m.name === 'opkg' ? 'Add `option check_signature` to /etc/opkg.conf and ship the usign public keys in /etc/opkg/keys; serve feeds over HTTPS.' : 'Enable signature verification with a key pinned in the image, and serve updates over HTTPS.',
    });
  } else if (m.signatures === 'unknown') {
    out.push({
      provisions: ['5.3-9', '5.3-10'], severity: 'medium', verdict: 'inconclusive', key: `${m.name}:unknown`,
      title: `${m.name}: signature verification not established`,
      detail: `${m.name} (${m.path}): ${m.why}.`, location: at, evidence: m.why,
      remediation: 'Configure the update tool to require signed images and ship the verification key in the image.',
    });
  } else if (out.length === 0) {
    out.push({
      provisions: ['5.3-2', '5.3-9', '5.3-10'], severity: 'info', verdict: 'pass', key: `${m.name}:ok`,
      title: `${m.name} verifies update signatures`,
      detail: `${m.name}: ${m.why}. Verification keys: ${keyList(keys, kind)}.${plain.length ? ` Downloads go over plain HTTP (${plain[0]!.url}); the signatures still protect authenticity and integrity.` : ''}`,
      location: at, evidence: keyList(keys, kind), remediation: 'Nothing to fix.',
    });
  }
  return out;
}

function customFindings(t: Target, path: string, u: CustomUpdater): FindingDraft[] {
  const out: FindingDraft[] = [];
  const loc = (d: CustomUpdater['downloads'][number]) => where(t, path, d.line ? { line: d.line } : d.offset !== undefined ? { offset: d.offset } : {});
  const here = (d: CustomUpdater['downloads'][number]) => `${path}${d.line ? `:${d.line}` : d.offset !== undefined ? ` at offset ${d.offset}` : ''}`;
  for (const d of u.downloads.filter((x) => x.tlsOff)) {
    out.push({
      provisions: ['5.3-7'], severity: 'high', verdict: 'fail', key: `tls:${d.line ?? d.offset}`,
      title: `Update download with TLS verification disabled in ${path}`,
      detail: `${here(d)} fetches with certificate verification switched off (\`-k\`/\`--insecure\`/\`--no-check-certificate\`/\`verify=False\`): anyone on the path can serve their own file.`,
      location: loc(d), evidence: d.text, remediation: 'Remove the option and verify the server against a pinned CA; verify a signature on the file as well.',
    });
  }
  const plain = u.downloads.filter((x) => x.plain);
  if (plain.length > 0 && !u.signature) {
    const d = plain[0]!;
    out.push({
      provisions: ['5.3-7', '5.3-9', '5.3-10'], severity: u.kind === 'script' ? 'critical' : 'high', verdict: 'fail', key: `plain:${d.line ?? d.offset}`,
      title: `Firmware downloaded over plain ${d.url?.split(':')[0]?.toUpperCase() ?? 'HTTP'} without a signature check in ${path}`,
      detail: `${here(d)} downloads ${d.url ?? 'an update'} without TLS, and the ${u.kind} verifies no signature${u.checksumOnly ? ' (a checksum is compared, which an attacker who replaces the file replaces too)' : ''}: the update can be replaced in transit.${plain.length > 1 ? ` ${plain.length - 1} more download(s) like it in the same file.` : ''}`,
      location: loc(d), evidence: d.text, remediation: 'Serve updates over HTTPS with certificate verification, and verify a signature over the image with a public key built into the firmware before installing it.',
    });
  } else if (plain.length > 0 && u.signature) {
    out.push({
      provisions: ['5.3-10'], severity: 'info', verdict: 'pass', key: `signed:${path}`,
      title: `Update fetched over plain HTTP but signature-checked in ${path}`,
      detail: `${here(plain[0]!)} downloads over plain HTTP; the file is verified with \`${u.signature}\` before use.`,
      location: loc(plain[0]!), evidence: u.signature, remediation: 'Consider HTTPS for confidentiality of what is downloaded.',
    });
  }
  return out;
}
