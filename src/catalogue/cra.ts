import type { ProvisionId } from './provisions.js';
import type { Relationship } from './types.js';

export interface CraRequirement {
  /** `I-1`, `I-2a` ... `I-2m` for Annex I Part I, `II-1` ... `II-8` for Part II. */
  readonly id: string;
  /** The reference as written in Regulation (EU) 2024/2847, Annex I. */
  readonly reference: string;
  readonly part: 'I' | 'II';
  readonly summary: string;
  /** EN 303 645 provisions that contribute to this requirement, with how the requirement relates to them. */
  readonly provisions: readonly ProvisionId[];
  readonly relationship: Relationship;
}

const r = (id: string, reference: string, summary: string, provisions: readonly ProvisionId[],
  relationship: Relationship = 'intersect'): CraRequirement =>
  ({ id, reference, part: id.startsWith('II-') ? 'II' : 'I', summary, provisions, relationship });

/** EU Cyber Resilience Act, Annex I: essential cybersecurity requirements, summarised, mapped to EN 303 645. */
export const CRA_REQUIREMENTS: readonly CraRequirement[] = [
  r('I-1', 'Part I (1)', 'Designed, developed and produced for a level of cybersecurity suited to the risks', ['5.6-9', '5.5-2'], 'superset'),
  r('I-2a', 'Part I (2)(a)', 'Placed on the market without known exploitable vulnerabilities', ['5.2-3', '5.3-8']),
  r('I-2b', 'Part I (2)(b)', 'Secure-by-default configuration, with a way to reset to the original state', ['5.1-1', '5.6-1', '5.6-5', '5.11-1']),
  r('I-2c', 'Part I (2)(c)', 'Vulnerabilities fixable by security updates, automatic by default with an opt-out', ['5.3-1', '5.3-2', '5.3-4', '5.3-6']),
  r('I-2d', 'Part I (2)(d)', 'Protection from unauthorised access through authentication and access control', ['5.1-1', '5.1-3', '5.1-4', '5.1-5', '5.5-4', '5.5-5']),
  r('I-2e', 'Part I (2)(e)', 'Confidentiality of stored, transmitted and processed data, e.g. by encryption', ['5.4-1', '5.5-1', '5.5-6', '5.5-7', '5.8-1', '5.8-2']),
  r('I-2f', 'Part I (2)(f)', 'Integrity of data, commands, programs and configuration, with corruption reported', ['5.3-9', '5.3-10', '5.7-1', '5.7-2', '5.13-1']),
  r('I-2g', 'Part I (2)(g)', 'Only data that is adequate, relevant and limited to the purpose is processed', ['6-1', '6-4']),
  r('I-2h', 'Part I (2)(h)', 'Essential functions stay available, including under denial-of-service', ['5.9-1', '5.9-2', '5.13-1']),
  r('I-2i', 'Part I (2)(i)', 'The product limits its own impact on other devices and networks', ['5.9-3']),
  r('I-2j', 'Part I (2)(j)', 'Attack surfaces, including external interfaces, are limited', ['5.6-1', '5.6-2', '5.6-3', '5.6-4', '5.6-5', '5.6-6']),
  r('I-2k', 'Part I (2)(k)', 'Incident impact reduced by exploitation-mitigation mechanisms', ['5.6-7', '5.6-8', '5.7-1']),
  r('I-2l', 'Part I (2)(l)', 'Security-relevant internal activity is recorded and monitored, with an opt-out', ['5.10-1', '5.7-2']),
  r('I-2m', 'Part I (2)(m)', 'Users can remove all data and settings securely and permanently', ['5.11-1', '5.11-2', '5.11-4']),
  r('II-1', 'Part II (1)', 'Components and vulnerabilities identified and documented, including a software bill of materials', ['5.2-3'], 'superset'),
  r('II-2', 'Part II (2)', 'Vulnerabilities remediated without delay by security updates, kept apart from feature updates where feasible', ['5.2-2', '5.3-8']),
  r('II-3', 'Part II (3)', 'Security tested and reviewed effectively and regularly', ['5.2-3', '5.6-9']),
  r('II-4', 'Part II (4)', 'Fixed vulnerabilities disclosed publicly once an update is available', ['5.3-11']),
  r('II-5', 'Part II (5)', 'A coordinated vulnerability disclosure policy is in place and enforced', ['5.2-1'], 'superset'),
  r('II-6', 'Part II (6)', 'Sharing of vulnerability information is facilitated, including a reporting contact address', ['5.2-1']),
  r('II-7', 'Part II (7)', 'Updates distributed through secure mechanisms, automatically where applicable', ['5.3-2', '5.3-4', '5.3-10']),
  r('II-8', 'Part II (8)', 'Security updates disseminated without delay, free of charge, with advisory messages', ['5.3-8', '5.3-11']),
];
