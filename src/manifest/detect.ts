import { parse } from 'yaml';

/**
 * True when the bytes are a YAML mapping that looks like an iotcop manifest (has `schemaVersion`, or both
 * `manufacturer` and `product`). Decided by content, not by file name; binary data is never a manifest.
 */
export function looksLikeManifest(head: Buffer): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  const text = head.toString('utf8');
  if (text.includes('\uFFFD')) return false;
  if (/^schemaVersion\s*:/m.test(text)) return true;
  try {
    const value: unknown = parse(text, { maxAliasCount: 10 });
    return typeof value === 'object' && value !== null && 'manufacturer' in value && 'product' in value;
  } catch {
    return false;
  }
}
