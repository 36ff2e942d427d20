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
  for (const t of targetsOf(ctx.evidence.firmware)) {
    ctx.progress(`factory reset in ${t.image}`);
    out.push(await forTarget(t));
  }
  return out;
}

async function forTarget(t: Target): Promise<FindingDraft> {
  const { pieces, hints, buttons } = await scanTree(t.vfs);
  const erasing = pieces.filter((p) => p.kind !== 'reset-handler');
  if (pieces.length > 0) return found(t, pieces, erasing.length > 0);
  if (hints.length > 0) return hinted(t, hints);
  return {
    provisions: ['5.11-1'], severity: 'low', verdict: 'inconclusive', key: 'none',
    title: 'No factory reset found in the firmware',
    detail: `iotcop looked in ${t.vfs.layer} for ${SEARCHED}, and for reset strings in programs, and found none${buttons.length ? ` (button handlers present: ${buttons.join(', ')}, but none resets)` : ''}. The reset may be built into a proprietary program or the bootloader; iotcop cannot tell.`,
    location: where(t, '/'), evidence: '',
    remediation: 'Give users a simple way to erase their data and settings (a reset button held for some seconds, a menu entry in the app or web interface) and document it; if it exists in a program, attest it in the manifest (5.11-1).',
  };
}

const at = (p: Piece) => `${p.path}:${p.line}`;

function found(t: Target, pieces: readonly Piece[], erasing: boolean): FindingDraft {
  const button = pieces.filter((p) => p.button);
  const first = button[0] ?? pieces.find((p) => p.kind !== 'reset-handler') ?? pieces[0]!;
  const list = pieces.slice(0, 20).map((p) => `${at(p)} ${KIND[p.kind]}${p.button ? ' [button]' : ''}: \`${p.text}\``).join('; ');
  return {
    provisions: ['5.11-1'], severity: 'info', verdict: erasing ? 'pass' : 'inconclusive', key: 'found',
    title: erasing
      ? `Factory reset found${button.length ? ', triggered by a physical button' : ''}: ${[...new Set(pieces.map((p) => KIND[p.kind]))].join('; ')}`
      : 'Factory reset handler found in the web interface; what it erases is not visible',
    detail: `${list}${pieces.length > 20 ? `; and ${pieces.length - 20} more` : ''}. ${button.length ? `A button handler (${[...new Set(button.map((p) => p.path))].join(', ')}) runs it, so users can reset the device without logging in.` : 'No physical button handler was found that runs it; users reach it through the interface or command that calls it.'}${erasing ? '' : ' The handler is named for a reset, but the erase itself happens in a program or service iotcop did not follow.'}`,
    location: where(t, first.path, { line: first.line }), evidence: first.text,
    remediation: erasing ? 'Nothing to fix. Make sure the reset also removes keys, tokens and personal data held outside the overlay, and tell users how to do it (5.11-3).' : 'Make sure the handler erases all user data and settings; attest it in the manifest with evidence.',
  };
}

function hinted(t: Target, hints: readonly Hint[]): FindingDraft {
  const first = hints[0]!;
  return {
    provisions: ['5.11-1'], severity: 'info', verdict: 'inconclusive', key: 'hint',
    title: `Programs mention a factory reset (${[...new Set(hints.map((h) => h.path))].slice(0, 3).join(', ')}); no script that performs it was found`,
    detail: `Strings in programs suggest a reset function: ${hints.slice(0, 10).map((h) => `${h.path} at offset ${h.offset ?? 0}: "${h.text}"`).join('; ')}. That a program names it does not show that it erases user data, or how a user starts it.`,
    location: where(t, first.path, first.offset !== undefined ? { offset: first.offset } : {}), evidence: first.text,
    remediation: 'Attest the factory reset in the manifest (5.11-1) with how the user triggers it and what it erases.',
  };
}
