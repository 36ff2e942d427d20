// The /images node of a FIT (u-boot doc/uImage.FIT/source_file_format.txt): one subnode per image with its
// data embedded (`data`) or external (`data-position` absolute, or `data-offset` from the 4-byte-aligned end of
// the tree, both with `data-size`), its compression and its hash-* subnodes.
import { expect } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import type { Fdt, FdtNode } from '../device-tree/fdt.js';
import { child, propBytes, propNumber, propString } from '../device-tree/props.js';

export interface FitHash {
  readonly node: string;
  readonly algo: string;
  readonly value: Buffer | undefined;
}

export interface FitImage {
  readonly name: string;
  readonly description: string | undefined;
  readonly type: string | undefined;
  readonly arch: string | undefined;
  readonly os: string | undefined;
  readonly compression: string;
  readonly load: number | undefined;
  readonly entry: number | undefined;
  /** Where the image's data lies in the source, or why it could not be located. */
  readonly data: { readonly offset: number; readonly length: number; readonly external: boolean } | { readonly error: string };
  readonly hashes: readonly FitHash[];
  readonly signed: boolean;
}

function locate(src: ByteSource, fdt: Fdt, node: FdtNode): FitImage['data'] {
  const embedded = node.props.get('data');
  if (embedded) return { offset: embedded.offset, length: embedded.length, external: false };
  const size = propNumber(src, node, 'data-size');
  const position = propNumber(src, node, 'data-position');
  const relative = propNumber(src, node, 'data-offset');
  if (size === undefined || (position === undefined && relative === undefined)) return { error: 'no data, data-position or data-offset property' };
  const offset = position ?? Math.ceil(fdt.header.totalSize / 4) * 4 + relative!;
  if (offset + size > src.size) return { error: `external data (${size} bytes at ${offset}) outside the ${src.size}-byte source` };
  return { offset, length: size, external: true };
}

function hashes(src: ByteSource, node: FdtNode): FitHash[] {
  return node.children
    .filter((c) => c.name.startsWith('hash'))
    .map((c) => ({ node: c.name, algo: propString(src, c, 'algo') ?? '', value: propBytes(src, c, 'value') }));
}

function image(src: ByteSource, fdt: Fdt, node: FdtNode): FitImage {
  return {
    name: node.name,
    description: propString(src, node, 'description'),
    type: propString(src, node, 'type'),
    arch: propString(src, node, 'arch'),
    os: propString(src, node, 'os'),
    compression: propString(src, node, 'compression') ?? 'none',
    load: propNumber(src, node, 'load'),
    entry: propNumber(src, node, 'entry'),
    data: locate(src, fdt, node),
    hashes: hashes(src, node),
    signed: node.children.some((c) => c.name.startsWith('signature')),
  };
}

export function fitImages(src: ByteSource, fdt: Fdt): FitImage[] {
  const images = child(fdt.root, 'images');
  expect(images !== undefined, 'FIT: no /images node');
  return images.children.map((n) => image(src, fdt, n));
}

/** Bytes the FIT spans: the tree plus any external data after it. */
export function fitLength(fdt: Fdt, images: readonly FitImage[]): number {
  let end = fdt.header.totalSize;
  for (const img of images) if ('offset' in img.data) end = Math.max(end, img.data.offset + img.data.length);
  return end;
}
