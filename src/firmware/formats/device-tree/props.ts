// Typed access to device-tree property values, which are read from the source only when asked for.
import type { ByteSource } from '../../types.js';
import type { FdtNode } from './fdt.js';

/** Longest string property we decode (descriptions, compatibles); longer values are cut. */
const MAX_STRING = 4096;

export function child(node: FdtNode, name: string): FdtNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** First string of a string or string-list property. */
export function propString(src: ByteSource, node: FdtNode, name: string): string | undefined {
  const p = node.props.get(name);
  if (!p) return undefined;
  const bytes = src.read(p.offset, Math.min(p.length, MAX_STRING));
  const nul = bytes.indexOf(0);
  return bytes.subarray(0, nul === -1 ? bytes.length : nul).toString('latin1');
}

/** Every string of a string-list property (`compatible`). */
export function propStrings(src: ByteSource, node: FdtNode, name: string): string[] {
  const p = node.props.get(name);
  if (!p) return [];
  const text = src.read(p.offset, Math.min(p.length, MAX_STRING)).toString('latin1');
  return text.split('\0').filter((s) => s.length > 0);
}

/** A one- or two-cell (32/64-bit) integer property; undefined when absent or of another size. */
export function propNumber(src: ByteSource, node: FdtNode, name: string): number | undefined {
  const p = node.props.get(name);
  if (!p) return undefined;
  if (p.length === 4) return src.read(p.offset, 4).readUInt32BE(0);
  if (p.length === 8) {
    const v = src.read(p.offset, 8).readBigUInt64BE(0);
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
  }
  return undefined;
}

export function propBytes(src: ByteSource, node: FdtNode, name: string): Buffer | undefined {
  const p = node.props.get(name);
  return p ? src.read(p.offset, p.length) : undefined;
}
