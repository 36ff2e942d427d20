import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

export type Position = { line: number; column: number };

/** Finds the source position of a value (or of a key, when `key` is set) inside a parsed YAML document. */
export function makeLocator(doc: Document, lines: LineCounter) {
  const at = (offset: number): Position => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  function nodeAt(path: readonly (string | number)[]): { node: Node | null; depth: number } {
    let node: Node | null = doc.contents;
    let depth = 0;
    for (const seg of path) {
      let next: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => keyText(p) === String(seg));
        next = (pair?.value as Node | null | undefined) ?? null;
      } else if (isSeq(node) && typeof seg === 'number') {
        next = (node.items[seg] as Node | undefined) ?? null;
      }
      if (!next) break;
      node = next;
      depth += 1;
    }
    return { node, depth };
  }

  /** Position of the value at `path`, or of its deepest existing ancestor. */
  function locate(path: readonly (string | number)[]): Position {
    const { node } = nodeAt(path);
    return at(node?.range?.[0] ?? 0);
  }

  /** Position of the key `key` in the mapping at `path` (falls back to the mapping itself). */
  function locateKey(path: readonly (string | number)[], key: string): Position {
    const { node, depth } = nodeAt(path);
    if (depth === path.length && isMap(node)) {
      const pair = node.items.find((p: Pair) => keyText(p) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return at(keyNode.range[0]);
    }
    return at(node?.range?.[0] ?? 0);
  }

  return { locate, locateKey, at };
}

function keyText(pair: Pair): string {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' || typeof k === 'number' ? String(k) : '';
}
