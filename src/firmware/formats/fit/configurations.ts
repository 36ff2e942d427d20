// The /configurations node of a FIT: which kernel, fdt, ramdisk and loadables each boot configuration uses.
import type { ByteSource } from '../../types.js';
import type { Fdt } from '../device-tree/fdt.js';
import { child, propString, propStrings } from '../device-tree/props.js';

const ROLES = ['kernel', 'fdt', 'ramdisk', 'firmware', 'loadables', 'script'] as const;
/** Configurations named in the description; a FIT with hundreds (one per board) is summarised by count. */
const MAX_LISTED = 16;

export interface FitConfiguration {
  readonly name: string;
  readonly description: string | undefined;
  readonly uses: Readonly<Record<string, readonly string[]>>;
  readonly signed: boolean;
}

export function fitConfigurations(src: ByteSource, fdt: Fdt): { default: string | undefined; list: FitConfiguration[] } {
  const node = child(fdt.root, 'configurations');
  if (!node) return { default: undefined, list: [] };
  const list = node.children.map((c) => {
    const uses: Record<string, readonly string[]> = {};
    for (const role of ROLES) {
      const names = propStrings(src, c, role);
      if (names.length > 0) uses[role] = names;
    }
    return { name: c.name, description: propString(src, c, 'description'), uses, signed: c.children.some((s) => s.name.startsWith('signature')) };
  });
  return { default: propString(src, node, 'default'), list };
}

export function describeConfigurations(conf: ReturnType<typeof fitConfigurations>): string {
  if (conf.list.length === 0) return 'no configurations';
  const shown = conf.list.slice(0, MAX_LISTED).map((c) => {
    const uses = Object.entries(c.uses).map(([role, names]) => `${role}=${names.join('+')}`).join(' ');
    return `${c.name}${c.name === conf.default ? ' (default)' : ''}: ${uses}${c.signed ? ' signed' : ''}`;
  });
  const more = conf.list.length > MAX_LISTED ? `; and ${conf.list.length - MAX_LISTED} more` : '';
  return `configurations ${shown.join('; ')}${more}`;
}
