import type { FirmwareEvidence } from '../../firmware/types.js';
import { targetsOf, type Target } from '../tree/index.js';
import { inventoryOfTree, kernelComponents } from './inventory.js';
import type { Component, TreeInventory } from './types.js';

/** The components of one filesystem of an image; the image's kernels (from the unpack log) go with its first. */
export interface TargetComponents {
  readonly target: Target;
  readonly inventory: TreeInventory;
  readonly components: readonly Component[];
}

/** Components of every filesystem of every image, in image and layer order. */
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
