import { isSqlite } from '../../analysis/sqlite/index.js';
import { forEachFile, isElf, looksText, MAX_TEXT_BYTES, targetsOf, unreadImages, where, type Target } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { historyHit, looseHits } from './loose.js';
import { looseValuesWorthReview, skipped } from './paths.js';
import { sqliteHits } from './sqlite.js';
import { csvHits, jsonHits } from './tables.js';
import type { Hit } from './types.js';
import { wifiHits } from './wifi.js';

const MAX_SQLITE_BYTES = 32 * 1024 * 1024;
const MAX_FINDINGS = 200;
const PROVISIONS = ['5.11-1', '6-1'] as const;
const FIX = 'Build the image from a clean tree without user data (no databases, histories, network profiles or records from development or testing units); create user data on the device at first boot or during setup, in storage that a factory reset erases.';

interface Tally { files: number; databases: number; read: number; present: number; layers: string[] }

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const out = unreadImages(ctx.evidence.firmware, [...PROVISIONS], 'Personal data on the image');
  // One summary per image (not per layer): an image's layers are often containers holding the next one.
  const images = new Map<string, { first: Target; tally: Tally; hits: number }>();
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`personal data in ${t.image}`);
    const img = images.get(t.image) ?? { first: t, tally: { files: 0, databases: 0, read: 0, present: 0, layers: [] }, hits: 0 };
    images.set(t.image, img);
    const hits = await scan(t, img.tally);
    img.hits += hits.length;
    out.push(...hits.slice(0, MAX_FINDINGS).map((h) => finding(t, h)));
  }
  for (const { first, tally, hits } of images.values()) if (hits === 0) out.push(clean(first, tally));
  return out;
}

async function scan(t: Target, tally: Tally): Promise<Hit[]> {
  const hits: Hit[] = [];
  tally.layers.push(t.vfs.layer);
  tally.present += t.vfs.entries().filter((e) => e.type === 'file' && e.size > 0).length;
  await forEachFile(t.vfs, MAX_SQLITE_BYTES, (e, buf) => {
    tally.read++;
    if (skipped(e.path) || isElf(buf)) return;
    if (isSqlite(buf)) {
      tally.databases++;
      hits.push(...sqliteHits(e.path, buf));
      return;
    }
    if (buf.length > MAX_TEXT_BYTES || !looksText(buf)) return;
    tally.files++;
    hits.push(...textHits(e.path, buf.toString('utf8')));
  });
  return hits.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

function textHits(path: string, text: string): Hit[] {
  const history = historyHit(path, text);
  if (history) return [history];
  const wifi = wifiHits(path, text);
  if (wifi.length > 0) return wifi;
  const head = text.trimStart()[0];
  const records = head === '{' || head === '[' ? jsonHits(path, text) : /\.(csv|tsv)$/i.test(path) ? csvHits(path, text) : [];
  if (records.length > 0) return records;
  return looseValuesWorthReview(path) ? looseHits(path, text) : [];
}

function finding(t: Target, h: Hit): FindingDraft {
  return {
    provisions: [...PROVISIONS], severity: !h.definite ? 'low' : h.kind === 'history' ? 'medium' : 'high', verdict: h.definite ? 'fail' : 'inconclusive',
    key: `${h.kind}:${h.where ?? h.line ?? ''}`,
    title: `${h.definite ? 'Personal data' : 'Possible personal data'} in ${h.path}${h.where ? ` (${h.where})` : ''}`,
    detail: `${h.path}${h.line ? `:${h.line}` : ''}${h.where ? ` (${h.where})` : ''} holds ${h.what}. ${h.definite
      ? 'Data shipped in the image is on every unit and in every copy of the firmware file: it is disclosed to every buyer and to anyone who downloads the firmware, and no erase or factory reset can remove it (a reset restores it).'
      : 'Review whether it belongs to a person (a developer, tester or customer); a role or vendor address is fine.'}`,
    location: where(t, h.path, h.line ? { line: h.line } : {}), evidence: h.evidence.slice(0, 300), remediation: FIX,
  };
}

function clean(t: Target, tally: Tally): FindingDraft {
  const layers = `${tally.layers.length} filesystem(s) (${tally.layers.slice(0, 5).join(', ')}${tally.layers.length > 5 ? ', ...' : ''})`;
  if (tally.present > 0 && tally.read === 0) {
    return {
      provisions: [...PROVISIONS], severity: 'low', verdict: 'inconclusive', key: 'nothing-read',
      title: `No file of ${t.image} could be read`,
      detail: `${layers} hold ${tally.present} file(s), but none could be read (too big or unreadable), so whether personal data is shipped is unknown.`,
      location: { image: t.image }, evidence: '', remediation: 'Give iotcop the extracted root filesystem (a directory) so its files can be read.',
    };
  }
  return {
    // No provision is settled by the absence of shipped data: 5.11-1 also needs an erase function, 6-1 a notice.
    provisions: [], severity: 'info', verdict: 'pass', key: 'clean',
    title: 'No personal data found on the image',
    detail: `${tally.read} file(s) of ${layers} were read: ${tally.files} text file(s) and ${tally.databases} SQLite database(s) were searched for records of people (e-mail addresses, phone numbers, names, street addresses, tracked positions), browser and shell histories and joined Wi-Fi networks with keys; documentation, licences, package metadata, certificate bundles and test or example files were left out.`,
    location: { image: t.image }, evidence: '', remediation: 'Nothing to fix.',
  };
}
