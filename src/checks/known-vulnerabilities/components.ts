import { inventoryOfTree, kernelComponents, type Component, type TreeInventory } from '../../analysis/components/index.js';
import { targetsOf, type Target } from '../../analysis/tree/index.js';
import type { FirmwareEvidence } from '../../firmware/types.js';

/** The components of one filesystem of an image; the image's kernels go with its first filesystem. */
export interface TargetComponents {
  readonly target: Target;
  readonly inventory: TreeInventory;
  readonly components: readonly Component[];
}

export async function componentsByTarget(firmware: readonly FirmwareEvidence[] | undefined): Promise<TargetComponents[]> {
  const out: TargetComponents[] = [];
  for (const fw of firmware ?? []) {
    const kernels = kernelComponents(fw);
    for (const [i, t] of targetsOf([fw]).entries()) {
      const inventory = await inventoryOfTree(t.vfs);
      out.push({ target: t, inventory, components: i === 0 ? [...inventory.components, ...kernels] : inventory.components });
    }
  }
  return out;
}
