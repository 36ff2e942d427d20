import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';
import { FIRMWARE_PROVISIONS, MIN_OPAQUE_BYTES, OPAQUE_ENTROPY } from './index.js';

const hex = (n: number) => `0x${n.toString(16)}`;

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const findings: FindingDraft[] = [];
  for (const fw of ctx.evidence.firmware ?? []) {
    for (const region of fw.log.unknown) {
      if (region.length < MIN_OPAQUE_BYTES || region.entropy < OPAQUE_ENTROPY) continue;
      findings.push({
        provisions: FIRMWARE_PROVISIONS,
        severity: 'medium',
        verdict: 'inconclusive',
        title: 'Part of the image could not be examined (possibly encrypted)',
        detail: `${region.length} bytes at ${hex(region.offset)}${region.layer ? ` inside layer ${region.layer}` : ''} are in no format iotcop recognises and look random (entropy ${region.entropy.toFixed(2)} bits per byte): compressed with an unknown method or encrypted. Nothing inside was checked, so firmware checks cannot vouch for it.`,
        location: { image: fw.image, offset: region.offset },
        evidence: `entropy ${region.entropy.toFixed(3)}, ${region.length} bytes`,
        remediation: 'Provide the decrypted or plain image (or the build output it is made from) for assessment, or the format so iotcop can unpack it.',
        key: `${region.layer ?? ''}@${region.offset}`,
      });
    }
    for (const layer of fw.log.layers) {
      if (!layer.error) continue;
      findings.push({
        provisions: FIRMWARE_PROVISIONS,
        severity: 'low',
        verdict: 'inconclusive',
        title: `A ${layer.format} layer could not be fully unpacked`,
        detail: `Layer ${layer.id} (${layer.description}) stopped with ${layer.error.code}: ${layer.error.message}. What it holds beyond that point was not checked.`,
        location: { image: fw.image, offset: layer.offset },
        evidence: `${layer.error.code} in ${layer.id}`,
        remediation: layer.error.code === 'ERR_UNPACK_LIMIT'
          ? 'If the image is trusted, raise the unpacking limits; otherwise treat the layer as hostile.'
          : 'Check that the image is complete and not corrupted; report the format to the iotcop maintainers if it is valid.',
        key: layer.id,
      });
    }
  }
  return Promise.resolve(findings);
}
