// Flattened device tree (DTB) parser after the Devicetree Specification v0.4, chapter 5: a big-endian header,
// a structure block of tokens and a strings block of property names. Property values are not copied: a node
// keeps their offset and length in the source, so a FIT with megabytes of embedded data parses cheaply.
import { expect, FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import { parseFdtHeader } from './header.js';
import type { FdtHeader } from './header.js';

const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_NOP = 4;
const FDT_END = 9;

/** Caps on hostile trees: nesting, node count, property count and name length. */
export const FDT_LIMITS = { maxDepth: 64, maxNodes: 100_000, maxProps: 1_000_000, maxName: 1024 } as const;

export interface FdtProp {
  /** Offset of the value inside the source the tree was parsed from. */
  readonly offset: number;
  readonly length: number;
}

export interface FdtNode {
  readonly name: string;
  readonly props: Map<string, FdtProp>;
  readonly children: FdtNode[];
}

export interface Fdt {
  readonly header: FdtHeader;
  readonly root: FdtNode;
  readonly nodeCount: number;
}

/** A NUL-terminated string at `at`, read in small pieces and bounded by `end` and `max`. */
function cstringAt(src: ByteSource, at: number, end: number, max: number): string {
  const span = Math.min(end - at, max + 1);
  expect(span > 0, `device tree: string at ${at} outside its block`);
  const bytes = src.read(at, span);
  const nul = bytes.indexOf(0);
  expect(nul !== -1, `device tree: unterminated or over-long string at ${at}`);
  return bytes.subarray(0, nul).toString('latin1');
}

const align4 = (n: number): number => Math.ceil(n / 4) * 4;

class StructWalker {
  private pos: number;
  private readonly end: number;
  private readonly strings: Buffer;
  nodes = 0;
  private props = 0;

  constructor(private readonly src: ByteSource, private readonly h: FdtHeader) {
    this.pos = h.offStruct;
    this.end = h.offStruct + h.sizeStruct;
    this.strings = src.read(h.offStrings, h.sizeStrings);
  }

  private token(): number {
    expect(this.pos + 4 <= this.end, `device tree: structure block ends inside a token at ${this.pos}`);
    const t = this.src.read(this.pos, 4).readUInt32BE(0);
    this.pos += 4;
    return t;
  }

  private propName(nameoff: number): string {
    expect(nameoff < this.strings.length, `device tree: property name offset ${nameoff} outside the strings block`);
    const nul = this.strings.indexOf(0, nameoff);
    expect(nul !== -1, `device tree: unterminated property name at ${nameoff}`);
    return this.strings.subarray(nameoff, nul).toString('latin1');
  }

  /** Parses one node whose FDT_BEGIN_NODE token has been consumed. */
  node(depth: number): FdtNode {
    expect(depth <= FDT_LIMITS.maxDepth, `device tree: nesting deeper than ${FDT_LIMITS.maxDepth}`);
    expect(++this.nodes <= FDT_LIMITS.maxNodes, `device tree: more than ${FDT_LIMITS.maxNodes} nodes`);
    const name = cstringAt(this.src, this.pos, this.end, FDT_LIMITS.maxName);
    this.pos = align4(this.pos + name.length + 1);
    const node: FdtNode = { name, props: new Map(), children: [] };
    for (;;) {
      const t = this.token();
      if (t === FDT_NOP) continue;
      if (t === FDT_END_NODE) return node;
      if (t === FDT_BEGIN_NODE) node.children.push(this.node(depth + 1));
      else if (t === FDT_PROP) this.prop(node);
      else throw new FormatError(`device tree: unexpected token ${t} at ${this.pos - 4}`);
    }
  }

  private prop(node: FdtNode): void {
    expect(++this.props <= FDT_LIMITS.maxProps, `device tree: more than ${FDT_LIMITS.maxProps} properties`);
    expect(this.pos + 8 <= this.end, `device tree: property header past the structure block at ${this.pos}`);
    const head = this.src.read(this.pos, 8);
    const length = head.readUInt32BE(0);
    const name = this.propName(head.readUInt32BE(4));
    const offset = this.pos + 8;
    expect(length <= this.end - offset, `device tree: property ${name} (${length} bytes) runs past the structure block`);
    node.props.set(name, { offset, length });
    this.pos = align4(offset + length);
  }

  root(): FdtNode {
    let t = this.token();
    while (t === FDT_NOP) t = this.token();
    expect(t === FDT_BEGIN_NODE, `device tree: structure block starts with token ${t}, not a node`);
    const root = this.node(0);
    t = this.token();
    while (t === FDT_NOP) t = this.token();
    expect(t === FDT_END, `device tree: token ${t} after the root node, expected FDT_END`);
    return root;
  }
}

/** Parses the device tree at offset 0 of `src`; throws FormatError on any inconsistency. */
export function parseFdt(src: ByteSource): Fdt {
  const header = parseFdtHeader(src);
  const walker = new StructWalker(src, header);
  const root = walker.root();
  return { header, root, nodeCount: walker.nodes };
}
