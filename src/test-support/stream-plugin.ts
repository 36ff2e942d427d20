// Shared checks for the compression-stream format plug-ins: what a carving driver relies on.
import assert from 'node:assert/strict';
import { BufferSource } from '../firmware/source/index.js';
import type { FormatPlugin, Unpacked } from '../firmware/types.js';
import { randomBytes } from './codec-data.js';
import { testContext } from './stream-context.js';

/** Unpacks `packed + trailing` and checks the single blob, its content and the reported length. */
export async function checkUnpack(plugin: FormatPlugin, packed: Buffer, expected: Buffer): Promise<Unpacked> {
  const trailing = Buffer.from('\x00\x00\x00\x00more firmware after the stream');
  const src = new BufferSource(Buffer.concat([packed, trailing]), 'test');
  assert.ok(plugin.probe(src), `${plugin.id} probe accepts the stream`);
  const ctx = testContext();
  const out = await plugin.unpack(src, ctx);
  assert.equal(out.kind, 'blobs');
  if (out.kind !== 'blobs') return out;
  assert.equal(out.blobs.length, 1);
  const blob = out.blobs[0]!;
  assert.ok(blob.source.read(0, blob.source.size).equals(expected), 'blob content');
  assert.ok(out.length >= packed.length - 8 && out.length <= packed.length + 4, `length ${out.length} vs ${packed.length}`);
  assert.equal(ctx.charged, expected.length);
  return out;
}

/** Probes never throw and reject empty, tiny, random and magic-only inputs. */
export function checkProbeRejects(plugin: FormatPlugin): void {
  const inputs = [Buffer.alloc(0), Buffer.alloc(1), Buffer.alloc(600, 0xff), randomBytes(4096, 99)];
  for (const s of plugin.signatures) inputs.push(Buffer.concat([Buffer.alloc(s.at), s.magic]), Buffer.concat([Buffer.alloc(s.at), s.magic, randomBytes(2000, 5)]));
  for (const bytes of inputs) assert.equal(plugin.probe(new BufferSource(bytes, 'test')), null, `${plugin.id} on ${bytes.length} bytes`);
}

/** Unpacking garbage that starts like the format rejects (FormatError), never resolves with junk. */
export async function checkUnpackRejects(plugin: FormatPlugin, bytes: Buffer): Promise<void> {
  await assert.rejects(plugin.unpack(new BufferSource(bytes, 'test'), testContext()), (e: Error) => e.name === 'FormatError');
}
