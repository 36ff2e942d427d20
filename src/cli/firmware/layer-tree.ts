import type { LayerRecord, UnknownRegion, UnpackLog } from '../../firmware/index.js';

type Paint = (s: string) => string;
export interface TreePalette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/** How to read an entropy figure: above 7.5 bits/byte the bytes are compressed or encrypted. */
export function entropyNote(entropy: number): string {
  if (entropy >= 7.5) return 'high: compressed or encrypted';
  if (entropy >= 5.5) return 'code or mixed data';
  if (entropy >= 1) return 'text, tables or sparse data';
  return 'mostly filler';
}

type Node = { kind: 'layer'; layer: LayerRecord } | { kind: 'unknown'; region: UnknownRegion };

function offsetOf(n: Node): number {
  return n.kind === 'layer' ? n.layer.offset : n.region.offset;
}

/** The layer tree of `iotcop identify`: each layer with offset, length, format and result, unknown regions with entropy. */
export function layerTree(log: UnpackLog, p: TreePalette): string[] {
  const kids = new Map<string | null, Node[]>();
  const add = (parent: string | null, node: Node) => {
    const list = kids.get(parent) ?? [];
    list.push(node);
    kids.set(parent, list);
  };
  for (const layer of log.layers) add(layer.parent, { kind: 'layer', layer });
  for (const region of log.unknown) add(region.layer, { kind: 'unknown', region });
  const lines = [`${p.bold(log.image)}  ${log.size} bytes  sha256 ${log.sha256}`];
  const walk = (parent: string | null, indent: string) => {
    const nodes = [...(kids.get(parent) ?? [])].sort((a, b) => offsetOf(a) - offsetOf(b));
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      const branch = `${indent}${last ? '└─ ' : '├─ '}`;
      const inner = `${indent}${last ? '   ' : '│  '}`;
      if (node.kind === 'unknown') {
        const r = node.region;
        const where = r.blob !== undefined ? ` in ${r.blob}` : '';
        const text = `unknown ${hex(r.offset)}+${hex(r.length)}${where}  entropy ${r.entropy.toFixed(2)} (${entropyNote(r.entropy)})`;
        lines.push(`${branch}${r.entropy >= 7.5 ? p.yellow(text) : p.dim(text)}`);
        return;
      }
      const l = node.layer;
      // Layers inside a file of a tree (--deep) or inside one of several named blobs carry that name in their id.
      const segment = l.parent !== null && l.id.startsWith(`${l.parent}/`) ? l.id.slice(l.parent.length + 1) : l.id;
      const at = segment.lastIndexOf('@');
      const where = at > 0 ? ` in ${segment.slice(0, at)}` : '';
      const produced = l.produced.blobs > 0 ? `${l.produced.blobs} blobs` : `${l.produced.entries} entries`;
      const result = l.error ? '' : `  -> ${produced}, ${l.produced.bytes} bytes`;
      lines.push(`${branch}${p.bold(l.format)} ${hex(l.offset)}+${hex(l.length)}${where}${l.carved ? ' (carved)' : ''}  ${l.description}${result}`);
      for (const w of l.warnings) lines.push(`${inner}${p.yellow('warning')} ${w}`);
      if (l.error) lines.push(`${inner}${p.red('error')} ${l.error.code}: ${l.error.message}`);
      walk(l.id, inner);
    });
  };
  walk(null, '');
  if (log.layers.length === 0) lines.push(p.dim('(no format recognised anywhere in the image)'));
  return lines;
}
