import type { ProvisionId } from './provisions.js';
import type { Relationship } from './types.js';

/** A route by which a PSTI Schedule 1 requirement is deemed met (PSTI Regulations 2023, Schedule 2). */
export interface DeemedRoute {
  readonly standard: 'ETSI EN 303 645 V2.1.1' | 'ISO/IEC 29147:2018';
  readonly clauses: readonly string[];
}

export interface PstiRequirement {
  readonly id: 'psti-1' | 'psti-2' | 'psti-3';
  /** Paragraph of Schedule 1 to the PSTI (Security Requirements for Relevant Connectable Products) Regulations 2023. */
  readonly paragraph: 1 | 2 | 3;
  readonly title: string;
  readonly summary: string;
  /** The Code of Practice guideline the requirement came from. */
  readonly guideline: number;
  /** EN 303 645 provisions whose verdicts decide this requirement in iotcop, with how they relate. */
  readonly provisions: readonly { readonly id: ProvisionId; readonly relationship: Relationship }[];
  readonly deemedRoutes: readonly DeemedRoute[];
}

/** The three security requirements of PSTI Schedule 1 and the deemed-compliance routes of Schedule 2. */
export const PSTI_REQUIREMENTS: readonly PstiRequirement[] = [
  {
    id: 'psti-1', paragraph: 1, guideline: 1, title: 'Passwords',
    summary: 'No universal default password: each password is unique per product or set by the user, and a unique one is not'
      + ' derived from an incrementing counter, public information or an unmodified identifier, nor easy to guess.',
    provisions: [{ id: '5.1-1', relationship: 'intersect' }, { id: '5.1-2', relationship: 'intersect' }],
    deemedRoutes: [{ standard: 'ETSI EN 303 645 V2.1.1', clauses: ['5.1-1', '5.1-2'] }],
  },
  {
    id: 'psti-2', paragraph: 2, guideline: 2, title: 'Information on how to report security issues',
    summary: 'A published point of contact for security reports, with when the reporter will get an acknowledgement'
      + ' and status updates until the issue is resolved.',
    provisions: [{ id: '5.2-1', relationship: 'subset' }],
    deemedRoutes: [
      { standard: 'ETSI EN 303 645 V2.1.1', clauses: ['5.2-1'] },
      { standard: 'ISO/IEC 29147:2018', clauses: ['6.2.1', '6.2.2', '6.2.5'] },
    ],
  },
  {
    id: 'psti-3', paragraph: 3, guideline: 3, title: 'Information on minimum security update periods',
    summary: 'The defined support period is published clearly and accessibly, stated as an end date, and is not'
      + ' shortened once published.',
    provisions: [{ id: '5.3-13', relationship: 'superset' }],
    deemedRoutes: [],
  },
];
