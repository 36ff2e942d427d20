import { CRA_REQUIREMENTS } from './cra.js';
import { GUIDELINES } from './guidelines.js';
import { PROVISIONS, type ProvisionId } from './provisions.js';
import { PSTI_REQUIREMENTS } from './psti.js';
import type { Mapping, Relationship } from './types.js';

/** How each Code guideline relates to the EN 303 645 clause of the same number (and clause 6 for 8 and 11). */
const GUIDELINE_TO_CLAUSE: readonly (readonly [number, string, Relationship])[] = [
  [1, '5.1', 'intersect'], [2, '5.2', 'equal'], [3, '5.3', 'equal'], [4, '5.4', 'equal'], [5, '5.5', 'equal'],
  [6, '5.6', 'equal'], [7, '5.7', 'equal'], [8, '5.8', 'intersect'], [8, '6', 'intersect'], [9, '5.9', 'equal'],
  [10, '5.10', 'equal'], [11, '5.11', 'equal'], [11, '6', 'intersect'], [12, '5.12', 'equal'], [13, '5.13', 'equal'],
];

/** Guideline-to-clause mappings, `cop:1` -> `etsi:5.1`. */
export const GUIDELINE_CLAUSE_MAPPINGS: readonly Mapping[] = GUIDELINE_TO_CLAUSE.map(([g, clause, relationship]) => ({
  from: `cop:${g}`, to: `etsi:${clause}`, relationship,
}));

/** Clause 6 provisions that concern deleting data or withdrawing consent also sit under guideline 11. */
const CLAUSE_6_UNDER_11 = new Set<ProvisionId>(['6-3']);

/**
 * The guidelines a provision informs. Clause 5.n maps to guideline n; clause 6 to guideline 8 (and 11 where it
 * is about withdrawal or deletion); clause 4 (reporting the implementation) applies to every guideline.
 */
export function guidelinesOf(id: ProvisionId): readonly number[] {
  const clause = id.slice(0, id.indexOf('-'));
  if (clause === '4') return GUIDELINES.map((g) => g.id);
  if (clause === '6') return CLAUSE_6_UNDER_11.has(id) ? [8, 11] : [8];
  return [Number(clause.split('.')[1])];
}

/** The provisions that inform a guideline (those of clause 4 are left out: they concern every guideline alike). */
export function provisionsOfGuideline(guideline: number): readonly ProvisionId[] {
  return PROVISIONS.filter((p) => p.clause !== '4' && guidelinesOf(p.id).includes(guideline)).map((p) => p.id);
}

/** Every mapping in the catalogue as flat rows, for export and for the integrity tests. */
export function allMappings(): readonly Mapping[] {
  const rows: Mapping[] = [...GUIDELINE_CLAUSE_MAPPINGS];
  for (const req of PSTI_REQUIREMENTS) {
    for (const p of req.provisions) rows.push({ from: `psti:${req.paragraph}`, to: `etsi:${p.id}`, relationship: p.relationship });
    rows.push({ from: `psti:${req.paragraph}`, to: `cop:${req.guideline}`, relationship: 'subset' });
  }
  for (const req of CRA_REQUIREMENTS) {
    for (const id of req.provisions) rows.push({ from: `cra:${req.id}`, to: `etsi:${id}`, relationship: req.relationship });
  }
  return rows;
}
