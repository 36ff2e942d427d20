import type { ConditionId } from './conditions.js';
import type { ProvisionDef } from './types.js';
import { CLAUSE_4_TO_5_3 } from './provisions-4-to-5-3.js';
import { CLAUSE_5_4_TO_5_8 } from './provisions-5-4-to-5-8.js';
import { CLAUSE_5_9_TO_6 } from './provisions-5-9-to-6.js';

/** All 68 provisions of ETSI EN 303 645 V2.1.1 (2020-06), in document order. */
export const PROVISIONS = [...CLAUSE_4_TO_5_3, ...CLAUSE_5_4_TO_5_8, ...CLAUSE_5_9_TO_6] as const;

/** A provision identifier of EN 303 645, `4-1` ... `6-5`. */
export type ProvisionId = (typeof PROVISIONS)[number]['id'];

export type Provision = ProvisionDef<ProvisionId, ConditionId>;

const BY_ID = new Map<string, Provision>(PROVISIONS.map((p) => [p.id, p]));

export function isProvisionId(value: string): value is ProvisionId {
  return BY_ID.has(value);
}

export function getProvision(id: ProvisionId): Provision {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown provision ${id}`);
  return found;
}
