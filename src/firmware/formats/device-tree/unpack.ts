// A bare device tree blob: recognised and described (model, compatible, node count); it carries no payloads.
import type { ByteSource, Probe, Unpacked } from '../../types.js';
import { parseFdt } from './fdt.js';
import type { Fdt } from './fdt.js';
import { child, propString, propStrings } from './props.js';

/** A FIT is a device tree with an /images node; the fit plug-in owns those. */
export function isFit(fdt: Fdt): boolean {
  return child(fdt.root, 'images') !== undefined;
}

export function describeTree(src: ByteSource, fdt: Fdt): string {
  const model = propString(src, fdt.root, 'model');
  const compatible = propStrings(src, fdt.root, 'compatible');
  const parts = [`device tree v${fdt.header.version}, ${fdt.header.totalSize} bytes, ${fdt.nodeCount} nodes`];
  if (model !== undefined) parts.push(`model "${model}"`);
  if (compatible.length > 0) parts.push(`compatible ${compatible.map((c) => `"${c}"`).join(', ')}`);
  return parts.join(', ');
}

export function probeDeviceTree(src: ByteSource): Probe | null {
  try {
    const fdt = parseFdt(src);
    if (isFit(fdt)) return null;
    return { length: fdt.header.totalSize, description: describeTree(src, fdt) };
  } catch {
    return null;
  }
}

export function unpackDeviceTree(src: ByteSource): Unpacked {
  const fdt = parseFdt(src);
  return { kind: 'blobs', blobs: [], length: fdt.header.totalSize };
}
