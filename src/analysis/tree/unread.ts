import type { ProvisionId } from '../../catalogue/index.js';
import type { FirmwareEvidence } from '../../firmware/types.js';
import type { FindingDraft } from '../../model/index.js';

/**
 * Silence is never a pass: an image from which no filesystem could be unpacked gets an inconclusive finding
 * on the check's provisions, with what the unpack log says went wrong.
 */
export function unreadImages(firmware: readonly FirmwareEvidence[] | undefined, provisions: readonly ProvisionId[], what: string): FindingDraft[] {
  return (firmware ?? []).filter((fw) => fw.filesystems.length === 0).map((fw) => {
    const errors = fw.log.layers.filter((l) => l.error).map((l) => `${l.id}: ${l.error!.message}`);
    const formats = fw.log.layers.map((l) => l.format).join(', ');
    return {
      provisions, severity: 'medium', verdict: 'inconclusive', key: 'no-filesystem',
      title: `No filesystem could be unpacked from ${fw.image}`,
      detail: `${what} could not be examined: the image yielded no filesystem${formats ? ` (layers found: ${formats})` : ''}.${errors.length ? ` Errors: ${errors.slice(0, 5).join('; ')}.` : ''}`,
      location: { image: fw.image }, evidence: `${fw.log.layers.length} layer(s), ${fw.log.unknown.length} unrecognised region(s)`,
      remediation: 'Give iotcop the extracted root filesystem (a directory), or report the image format so it can be supported.',
    };
  });
}
