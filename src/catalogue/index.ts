export * from './types.js';
export { GUIDELINES } from './guidelines.js';
export { CONDITIONS, type ConditionId } from './conditions.js';
export { PROVISIONS, getProvision, isProvisionId, type Provision, type ProvisionId } from './provisions.js';
export { PSTI_REQUIREMENTS, type PstiRequirement, type DeemedRoute } from './psti.js';
export { CRA_REQUIREMENTS, type CraRequirement } from './cra.js';
export { GUIDELINE_CLAUSE_MAPPINGS, allMappings, guidelinesOf, provisionsOfGuideline } from './mappings.js';
