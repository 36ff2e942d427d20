import { forEachFile, MAX_BINARY_BYTES, targetsOf, where, unreadImages, type Target } from '../../analysis/tree/index.js';
import { mask, type FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { scanFile } from './scan.js';

// Documentation, translations and licence texts are full of the word "password" and hold no device secrets.
// Tested on the layer and path together: a deep unpack names a compressed file's own tree after the file
// (`0x0-squashfs/usr/share/man/man5/x.5.gz@0x0-gzip:/data`).
const SKIP = /(^|[/:])usr\/share\/(doc|man|info|locale|i18n|zoneinfo|common-licenses|perl5?|bash-completion)\/|\.(mo|gz|xz|bz2|png|jpe?g|gif|ico)$/;
const MAX_FINDINGS = 500;

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  return [...(await examine(ctx)), ...unreadImages(ctx.evidence.firmware, ['5.4-3'], 'Hard-coded secrets')];
}

async function examine(ctx: CheckContext): Promise<FindingDraft[]> {
  const out: FindingDraft[] = [];
  const scanned = new Map<string, { t: Target; files: number; hits: number }>();
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`hard-coded secrets in ${t.image}`);
    let files = 0;
    const mine: FindingDraft[] = [];
    await forEachFile(t.vfs, MAX_BINARY_BYTES, (e, buf) => {
      if (SKIP.test(`${t.vfs.layer}:${e.path}`) || mine.length >= MAX_FINDINGS) return;
      files++;
      for (const h of scanFile(buf)) {
        mine.push({
          provisions: ['5.4-3'], severity: h.rule.severity, verdict: 'fail', key: `${h.rule.id}:${h.line ?? h.offset}`,
          title: `${h.rule.title} in ${e.path}`,
          detail: `${e.path}${h.line ? `:${h.line}` : h.offset !== undefined ? ` at offset ${h.offset}` : ''} contains a ${h.rule.title.toLowerCase()} (rule ${h.rule.id}). A secret in the image is the same on every unit and readable by anyone who has the firmware.`,
          location: where(t, e.path, h.line ? { line: h.line } : h.offset !== undefined ? { offset: h.offset } : {}),
          evidence: h.context.replace(h.secret, mask(h.secret)).slice(0, 200),
          remediation: 'Remove the secret from the image and revoke it; give each unit its own credential at manufacture or enrolment (per-unit key in a secure element, or a device certificate), fetched over an authenticated channel.',
        });
      }
    });
    out.push(...mine);
    const seen = scanned.get(t.image) ?? { t, files: 0, hits: 0 };
    scanned.set(t.image, { t: seen.t, files: seen.files + files, hits: seen.hits + mine.length });
  }
  // One pass per image (a deep unpack makes a filesystem of every compressed file).
  for (const { t, files, hits } of scanned.values()) {
    if (hits > 0) continue;
    out.push({
      provisions: ['5.4-3'], severity: 'info', verdict: 'pass', key: 'clean',
      title: 'No hard-coded credential or API token found',
      detail: `${files} file(s) of ${t.image} were scanned with the reviewed rule set (cloud keys, tokens, connection strings, credentials in URLs, password/secret assignments) with no hit.`,
      location: { image: t.image }, evidence: '', remediation: 'Nothing to fix.',
    });
  }
  return out;
}
