import type { ConditionId } from './conditions.js';
import type { EvidenceKind, Phase, ProvisionDef, ProvisionStatus } from './types.js';

/** Builds one provision entry; phases and evidence are space-separated for compact tables. */
export function provision<const I extends string>(
  id: I,
  status: ProvisionStatus,
  condition: ConditionId | null,
  gist: string,
  phases: string,
  evidence: string,
): ProvisionDef<I, ConditionId> {
  const clause = id.includes('-') ? id.slice(0, id.indexOf('-')) : id;
  return {
    id,
    clause,
    status,
    ...(condition ? { condition } : {}),
    gist,
    phases: phases.split(' ') as Phase[],
    evidence: evidence.split(' ') as EvidenceKind[],
  };
}
