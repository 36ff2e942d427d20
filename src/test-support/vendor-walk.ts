// A tiny test-only walker over a given set of format plug-ins: carves their signatures, unpacks what probes
// positively and recurses into blobs that lie in place. It lets the vendor-header plug-ins be checked against
// binwalk's findings before the real driver exists; it is not the driver (no limits, no codecs, no logging).
import { BufferSource } from '../firmware/source/index.js';
import type { ByteSource, FormatPlugin } from '../firmware/types.js';
import { testContext } from './format-context.js';

export interface WalkLayer {
  readonly format: string;
  readonly start: number;
  readonly length: number;
  readonly description: string;
}

export interface WalkBlob {
  readonly layer: string;
  readonly name: string;
  readonly start: number;
  readonly size: number;
}

export interface Walk {
  readonly layers: WalkLayer[];
  readonly blobs: WalkBlob[];
  readonly warnings: string[];
}

function nextHit(bytes: Buffer, from: number, plugins: readonly FormatPlugin[]): number {
  let best = -1;
  for (const p of plugins) {
    for (const s of p.signatures) {
      const at = bytes.indexOf(s.magic, from + s.at);
      if (at !== -1 && (best === -1 || at - s.at < best)) best = at - s.at;
    }
  }
  return best;
}

async function walkSource(src: ByteSource, base: number, depth: number, plugins: readonly FormatPlugin[], out: Walk): Promise<void> {
  if (depth > 8) return;
  const bytes = src.read(0, src.size);
  for (let pos = 0; pos < src.size; ) {
    const hit = nextHit(bytes, pos, plugins);
    if (hit < 0) return;
    const here = src.slice(hit, src.size - hit);
    const plugin = plugins.find((p) => p.probe(here) !== null);
    if (!plugin) {
      pos = hit + 1;
      continue;
    }
    const ctx = testContext();
    const unpacked = await plugin.unpack(here, ctx);
    out.layers.push({ format: plugin.id, start: base + hit, length: unpacked.length, description: plugin.probe(here)!.description });
    out.warnings.push(...ctx.warnings.map((w) => `${plugin.id}@${base + hit}: ${w}`));
    if (unpacked.kind === 'blobs') {
      for (const b of unpacked.blobs) {
        if (b.offset === undefined) continue;
        out.blobs.push({ layer: `${plugin.id}@${base + hit}`, name: b.name, start: base + hit + b.offset, size: b.source.size });
        await walkSource(new BufferSource(b.source.read(0, b.source.size), b.name), base + hit + b.offset, depth + 1, plugins, out);
      }
    }
    pos = hit + Math.max(unpacked.length, 1);
  }
}

export async function vendorWalk(bytes: Buffer, plugins: readonly FormatPlugin[]): Promise<Walk> {
  const out: Walk = { layers: [], blobs: [], warnings: [] };
  await walkSource(new BufferSource(bytes, 'image'), 0, 0, plugins, out);
  return out;
}
