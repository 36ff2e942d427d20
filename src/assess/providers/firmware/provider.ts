import { isAbsolute, relative, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Evidence } from '../../../checks/types.js';
import { unpackImage, type FirmwareEvidence } from '../../../firmware/index.js';
import { IotcopError } from '../../../model/index.js';
import type { ClassifiedInput } from '../../inputs.js';
import type { ProviderContext } from '../types.js';

/** An image to unpack: given on the command line, or named by the manifest (with where it is named). */
interface ImageTarget {
  readonly path: string;
  /** How the image is named in messages and finding locations. */
  readonly label: string;
  readonly named?: { readonly index: number };
}

/**
 * Unpacks every firmware input and every image the manifest names (relative to the manifest), and reads
 * extracted root filesystem directories as they are. An image named twice (given and named by the manifest) is
 * unpacked once.
 */
export async function collectFirmware(inputs: readonly ClassifiedInput[], collected: Evidence, ctx: ProviderContext): Promise<Evidence> {
  const targets = await imageTargets(inputs, collected, ctx);
  if (targets.length === 0) {
    return { ...collected, unavailable: { ...collected.unavailable, firmware: 'no firmware image or root filesystem was given' } };
  }
  const firmware: FirmwareEvidence[] = [];
  for (const [i, target] of targets.entries()) {
    ctx.signal.throwIfAborted();
    ctx.progress(`unpacking ${target.label} (${i + 1} of ${targets.length})`);
    const evidence = await unpackImage(target.path, {
      signal: ctx.signal,
      deep: ctx.firmware?.deep ?? true,
      ...(ctx.firmware?.limits ? { limits: ctx.firmware.limits } : {}),
      onProgress: (e) => { if (e.kind === 'layer') ctx.progress(`unpacking ${target.label}: ${e.format} at depth ${e.depth}`); },
    });
    firmware.push({ ...evidence, image: target.label });
  }
  return { ...collected, firmware };
}

async function imageTargets(inputs: readonly ClassifiedInput[], collected: Evidence, ctx: ProviderContext): Promise<ImageTarget[]> {
  const targets: ImageTarget[] = inputs.filter((i) => i.kind === 'firmware' || i.kind === 'directory').map((i) => ({ path: resolve(i.path), label: i.path }));
  const manifest = collected.manifest?.manifest;
  for (const [index, fw] of (manifest?.data.firmware ?? []).entries()) {
    if (!fw.image || !manifest) continue;
    const path = resolve(manifest.dir, fw.image);
    if (targets.some((t) => t.path === path)) continue;
    const where = manifest.locate(['firmware', index, 'image']);
    if (ctx.untrusted && (isAbsolute(fw.image) || relative(manifest.dir, path).startsWith('..'))) {
      throw new IotcopError('ERR_MANIFEST_INVALID', `${manifest.path}:${where.line}: firmware image ${fw.image} is outside the manifest's folder`);
    }
    try {
      await stat(path);
    } catch (error) {
      throw new IotcopError('ERR_INPUT_NOT_FOUND', `${manifest.path}:${where.line}:${where.column}: firmware image ${fw.image} (version ${fw.version}) not found`, {
        cause: error, hint: 'Paths of firmware images are relative to the manifest. Fix the path or remove the `image` key.',
      });
    }
    targets.push({ path, label: relative(process.cwd(), path) || path, named: { index } });
  }
  return targets;
}
