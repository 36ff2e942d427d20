import { programName } from '../../analysis/boot/index.js';

// What counts as a piece of a factory reset: a command that erases the writable configuration or user data
// (OpenWrt's firstboot/jffs2reset/jffs2mark, mtd/flash_erase on a data partition, nvram erase/default,
// rm -rf of the overlay or a data folder), or a reset handler a web interface calls.

export type PieceKind = 'openwrt-reset' | 'erase-partition' | 'nvram-reset' | 'remove-user-data' | 'reset-handler';

export interface Piece {
  readonly kind: PieceKind;
  readonly path: string;
  readonly line: number;
  /** The line as written, trimmed to 160 characters. */
  readonly text: string;
  /** True when a physical button handler runs it (directly or through a script it calls). */
  button: boolean;
}

/** Partitions that hold settings or user data (OpenWrt rootfs_data, vendor config/nvram/userdata...). */
const DATA_PARTITION = /rootfs_data|overlay|config|cfg|nvram|jffs2?|user|data|param|setting|conf/i;

/** Folders whose removal erases settings or user data: the directory itself or everything in it. */
const DATA_DIR = /^\/(overlay(\/upper)?|jffs2?|data|userdata|user_data|config|cfg|persist|etc\/config|etc\/persistent|rom\/overlay|usr\/local\/config|mnt\/(data|config|jffs2?|flash|userdata))(\/(\*|\.\*|\.)?)?$/;

/**
 * A file whose name or text talks about resetting: needed before a generic erase counts as a reset. Bare
 * "default" is not enough (every LSB init script has `Default-Start:`).
 */
export const RESET_WORDS = /factory|reset|restore[ _-]?defaults?|to[ _-]defaults?|wipe/i;

/** How much a file is about resetting: by its name (strong) or by its text (weaker). */
export interface Resetish {
  readonly byPath: boolean;
  readonly byText: boolean;
}

/** Classifies one simple command of a shell script, given whether the file is about resetting. */
export function commandPiece(argv: readonly string[], r: Resetish): PieceKind | undefined {
  const resetish = r.byPath || r.byText;
  const { name, args } = programName(argv);
  const rest = args.slice(1);
  if (name === 'firstboot' || name === 'jffs2reset' || name === 'jffs2mark') return 'openwrt-reset';
  if (name === 'mtd') {
    const i = rest.indexOf('erase');
    const part = i >= 0 ? rest[i + 1] : undefined;
    // mtd takes partition names, so the name says what is erased.
    if (part && DATA_PARTITION.test(part)) return 'erase-partition';
  }
  if ((name === 'flash_erase' || name === 'flash_eraseall') && rest.length > 0) {
    const dev = rest.find((a) => !a.startsWith('-'));
    // An anonymous /dev/mtdN counts only in a script named for a reset.
    if (dev && (DATA_PARTITION.test(dev) || r.byPath)) return 'erase-partition';
  }
  if (name === 'nvram' && ['erase', 'default', 'defaults', 'restore', 'restore_default', 'reset'].includes(rest[0] ?? '')) return 'nvram-reset';
  // Vendor settings stores: D-Link's `devconf del`, Realtek SDK's `flash reset`/`flash default` (in reset scripts).
  if (resetish && ((name === 'devconf' && ['del', 'erase', 'reset'].includes(rest[0] ?? '')) || (name === 'flash' && ['reset', 'default'].includes(rest[0] ?? '')))) return 'nvram-reset';
  if (name === 'rm' && resetish && rest.some((a) => /^-[a-zA-Z]*[rR]/.test(a)) && rest.some((a) => DATA_DIR.test(a))) return 'remove-user-data';
  if (/^(factory_?reset|factoryreset|restore_?defaults?|reset_?to_?defaults?)(\.sh)?$/i.test(name)) return 'reset-handler';
  return undefined;
}

/** The same commands embedded in another language (Lua, JavaScript, ucode, PHP, CGI, UCI handlers). */
const EMBEDDED: readonly [RegExp, PieceKind][] = [
  [/\/s?bin\/(firstboot|jffs2reset|jffs2mark)\b|\b(firstboot|jffs2reset|jffs2mark)\s+-[a-z]*[ry]/, 'openwrt-reset'],
  [/\bmtd\s+(-\w+\s+)*erase\s+['"]?(rootfs_data|overlay|config|cfg|nvram|jffs2?|userdata|data)\b/, 'erase-partition'],
  [/\bnvram\s+(erase|default|restore_default)\b/, 'nvram-reset'],
];

/** Names of reset handlers in web interfaces: `factory_reset`, `restore_defaults`, `resetToDefault`... */
const HANDLER = /factory[ _-]?reset|restore[ _-]?factory|restore[ _-]?defaults?(?![a-z_-])|reset[ _-]?to[ _-]?(factory|defaults?)/i;

/** True for files a web interface serves or runs. */
export function isWebFile(path: string): boolean {
  return /^\/(www|web|htdocs|home\/httpd|var\/www|usr\/www|usr\/lib\/lua\/luci|usr\/share\/luci|usr\/share\/rpcd|usr\/libexec\/rpcd|usr\/share\/ucode\/luci)\//.test(path) || /\/cgi-bin\/|\.(cgi|asp|php|lua|uc|js|html?)$/.test(path);
}

/** Pieces in a non-shell text line; handlers only count in web files. */
export function linePiece(text: string, web: boolean): PieceKind | undefined {
  for (const [re, kind] of EMBEDDED) if (re.test(text)) return kind;
  return web && HANDLER.test(text) ? 'reset-handler' : undefined;
}

/** True for a line that is only a comment in the usual languages. */
export function isComment(line: string): boolean {
  return /^\s*(#|\/\/|--|\*|\/\*|<!--|;)/.test(line);
}
