import { isAbsolute, relative, resolve } from 'node:path';
import type { Evidence } from '../../../checks/types.js';
import { unpackImage, type FirmwareEvidence } from '../../../firmware/index.js';
import { IotcopError } from '../../../model/index.js';
import type { ClassifiedInput } from '../../inputs.js';
import type { ProviderContext } from '../types.js';
import { isProvisioningCsv } from '../provisioning/csv.js';

/** Images to unpack: firmware and directory inputs, and every image the manifest names (confined when untrusted). */
export function imagesOf(inputs: readonly ClassifiedInput[], collected: Evidence, untrusted: boolean): string[] {
  const out = inputs.filter((i) => i.kind === 'firmware' || i.kind === 'directory').map((i) => i.path);
  const m = collected.manifest?.manifest;
  for (const f of m?.data.firmware ?? []) {
    if (!f.image) continue;
    const path = resolve(m!.dir, f.image);
    const rel = relative(m!.dir, path);
    if (untrusted && (rel.startsWith('..') || isAbsolute(rel))) {
      throw new IotcopError('ERR_MANIFEST_INVALID', `firmware image ${f.image} is outside the manifest's folder`);
    }
    if (!out.includes(path)) out.push(path);
  }
  return out;
}

export async function collectFirmware(inputs: readonly ClassifiedInput[], collected: Evidence, ctx: ProviderContext): Promise<Evidence> {
  const candidates = imagesOf(inputs, collected, ctx.untrusted);
  const images: string[] = [];
  for (const path of candidates) if (!(await isProvisioningCsv(path))) images.push(path);
  if (images.length === 0) return { ...collected, unavailable: { ...collected.unavailable, firmware: 'no firmware image or extracted root filesystem was given' } };
  const firmware: FirmwareEvidence[] = [];
  const failed: string[] = [];
  for (const path of images) {
    ctx.signal.throwIfAborted();
    ctx.progress(`unpacking ${path}`);
    try {
      firmware.push(await unpackImage(path, { signal: ctx.signal }));
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      failed.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const unavailable = failed.length ? { ...collected.unavailable, firmware: `could not unpack ${failed.join('; ')}` } : collected.unavailable;
  return { ...collected, ...(firmware.length ? { firmware } : {}), unavailable };
}
