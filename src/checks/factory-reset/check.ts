import { targetsOf, unreadImages, where, type Target } from '../../analysis/tree/index.js';
import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import type { Piece, PieceKind } from './pieces.js';
import { scanTree, type Hint } from './scan.js';

const KIND: Record<PieceKind, string> = {
  'openwrt-reset': 'OpenWrt reset of the overlay (firstboot/jffs2reset/jffs2mark)',
  'erase-partition': 'erase of a settings/data flash partition',
  'nvram-reset': 'erase or reset of the settings store (nvram, devconf, flash)',
  'remove-user-data': 'removal of the settings/user data folders',
  'reset-handler': 'factory reset handler in the web interface or a script',
};

const SEARCHED = 'OpenWrt firstboot/jffs2reset/jffs2mark, button handlers (/etc/rc.button, /etc/hotplug.d/button, triggerhappy, acpid), `mtd erase`/`flash_erase`/`flash_eraseall` on settings or data partitions, `nvram erase`/`default`/`restore`, `devconf del` and `flash reset` in reset scripts, `rm -rf` of the overlay or settings/user data folders in reset scripts, and factory_reset/restore_defaults handlers in web and CGI files';

export async function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const out = unreadImages(ctx.evidence.firmware, ['5.11-1'], 'The factory reset');
  for (const fw of ctx.evidence.firmware ?? []) {
    if (fw.filesystems.length === 0) continue;
    ctx.progress(`factory reset in ${fw.image}`);
    out.push(await forImage(fw.image, targetsOf([fw])));
  }
  return out;
}

/** Located pieces and hints of every filesystem of one image (a deep unpack makes many). */
interface Found {
  readonly pieces: { t: Target; p: Piece }[];
  readonly hints: { t: Target; h: Hint }[];
  readonly buttons: string[];
}

/** One finding per image: a deep unpack turns every compressed file into a filesystem of its own. */
async function forImage(image: string, targets: readonly Target[]): Promise<FindingDraft> {
  const all: Found = { pieces: [], hints: [], buttons: [] };
  for (const t of targets) {
    const s = await scanTree(t.vfs);
    all.pieces.push(...s.pieces.map((p) => ({ t, p })));
    all.hints.push(...s.hints.map((h) => ({ t, h })));
    all.buttons.push(...s.buttons.map((b) => where(t, b).path));
  }
  if (all.pieces.length > 0) return found(all.pieces);
  if (all.hints.length > 0) return hinted(all.hints);
  return {
    provisions: ['5.11-1'], severity: 'low', verdict: 'inconclusive', key: 'none',
    title: 'No factory reset found in the firmware',
    detail: `iotcop looked in ${targets.length === 1 ? 'the filesystem' : `the ${targets.length} filesystems`} of ${image} for ${SEARCHED}, and for reset strings in programs, and found none${all.buttons.length ? ` (button handlers present: ${all.buttons.join(', ')}, but none resets)` : ''}. The reset may be built into a proprietary program or the bootloader; iotcop cannot tell.`,
    location: { image }, evidence: '',
    remediation: 'Give users a simple way to erase their data and settings (a reset button held for some seconds, a menu entry in the app or web interface) and document it; if it exists in a program, attest it in the manifest (5.11-1).',
  };
}

function found(located: readonly { t: Target; p: Piece }[]): FindingDraft {
  const pieces = located.map((x) => x.p);
  const erasing = pieces.some((p) => p.kind !== 'reset-handler');
  const button = pieces.filter((p) => p.button);
  const firstAt = located.find((x) => x.p.button) ?? located.find((x) => x.p.kind !== 'reset-handler') ?? located[0]!;
  const first = firstAt.p;
  const at = (x: { t: Target; p: Piece }) => `${where(x.t, x.p.path).path}:${x.p.line}`;
  const list = located.slice(0, 20).map((x) => `${at(x)} ${KIND[x.p.kind]}${x.p.button ? ' [button]' : ''}: \`${x.p.text}\``).join('; ');
  return {
    provisions: ['5.11-1'], severity: 'info', verdict: erasing ? 'pass' : 'inconclusive', key: 'found',
    title: erasing
      ? `Factory reset found${button.length ? ', triggered by a physical button' : ''}: ${[...new Set(pieces.map((p) => KIND[p.kind]))].join('; ')}`
      : 'Factory reset handler found in the web interface; what it erases is not visible',
    detail: `${list}${pieces.length > 20 ? `; and ${pieces.length - 20} more` : ''}. ${button.length ? `A button handler (${[...new Set(button.map((p) => p.path))].join(', ')}) runs it, so users can reset the device without logging in.` : 'No physical button handler was found that runs it; users reach it through the interface or command that calls it.'}${erasing ? '' : ' The handler is named for a reset, but the erase itself happens in a program or service iotcop did not follow.'}`,
    location: where(firstAt.t, first.path, { line: first.line }), evidence: first.text,
    remediation: erasing ? 'Nothing to fix. Make sure the reset also removes keys, tokens and personal data held outside the overlay, and tell users how to do it (5.11-3).' : 'Make sure the handler erases all user data and settings; attest it in the manifest with evidence.',
  };
}

function hinted(located: readonly { t: Target; h: Hint }[]): FindingDraft {
  const hints = located.map((x) => ({ ...x.h, path: where(x.t, x.h.path).path }));
  const first = hints[0]!;
  const t = located[0]!.t;
  return {
    provisions: ['5.11-1'], severity: 'info', verdict: 'inconclusive', key: 'hint',
    title: `Programs mention a factory reset (${[...new Set(hints.map((h) => h.path))].slice(0, 3).join(', ')}); no script that performs it was found`,
    detail: `Strings in programs suggest a reset function: ${hints.slice(0, 10).map((h) => `${h.path} at offset ${h.offset ?? 0}: "${h.text}"`).join('; ')}. That a program names it does not show that it erases user data, or how a user starts it.`,
    location: where(t, located[0]!.h.path, first.offset !== undefined ? { offset: first.offset } : {}), evidence: first.text,
    remediation: 'Attest the factory reset in the manifest (5.11-1) with how the user triggers it and what it erases.',
  };
}
