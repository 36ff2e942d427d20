/** Who a guideline of the Code of Practice is primarily addressed to. */
export type Stakeholder = 'device-manufacturer' | 'iot-service-provider' | 'mobile-app-developer' | 'retailer';

/** Lifecycle phase of a product that a provision concerns. */
export type Phase = 'design' | 'manufacture' | 'sale' | 'operation' | 'update' | 'end-of-life';

/** Kind of evidence that can establish whether a provision holds. */
export type EvidenceKind = 'firmware' | 'device' | 'web' | 'declaration' | 'provisioning';

/** EN 303 645 status: M (mandatory, "shall") or R (recommendation, "should"). */
export type ProvisionStatus = 'M' | 'R';

/**
 * How a source requirement relates to its mapping target.
 * - equal: they ask for the same thing;
 * - subset: the source asks for less than the target (meeting the target meets the source);
 * - superset: the source asks for more than the target;
 * - intersect: they overlap, neither contains the other.
 */
export type Relationship = 'equal' | 'subset' | 'superset' | 'intersect';

export interface Guideline {
  /** 1 to 13, as numbered in the Code of Practice (October 2018). */
  readonly id: number;
  readonly title: string;
  readonly summary: string;
  readonly stakeholders: readonly Stakeholder[];
  /** The Code singles out guidelines 1, 2 and 3 as the top priority. */
  readonly priority: boolean;
}

export interface Condition {
  readonly id: string;
  /** The question a manufacturer answers, in our words. */
  readonly question: string;
  /** The answer under which the provisions that carry this condition apply. */
  readonly appliesWhen: boolean;
}

export interface ProvisionDef<I extends string = string, C extends string = string> {
  readonly id: I;
  /** The clause, `4`, `5.1` ... `5.13` or `6`. */
  readonly clause: string;
  readonly status: ProvisionStatus;
  /** Present when the provision is conditional (shown as "C" in EN 303 645 Annex B). */
  readonly condition?: C;
  /** One line in our own words, not the text of the standard. */
  readonly gist: string;
  readonly phases: readonly Phase[];
  readonly evidence: readonly EvidenceKind[];
}

export interface Mapping {
  readonly from: string;
  readonly to: string;
  readonly relationship: Relationship;
  readonly note?: string;
}
