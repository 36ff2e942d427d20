import type { KeyObject } from 'node:crypto';

/** One-letter verdicts on the label: pass, fail, inconclusive, not applicable. */
export type VerdictLetter = 'p' | 'f' | 'i' | 'n';

/**
 * The signed facts of a consumer security label (schema/label-payload.schema.json). Short keys keep the JWS small
 * enough for a QR code that scans at 40 mm label width; src/label/readme.md documents each field.
 */
export interface LabelPayload {
  /** Payload format version. */
  readonly v: 1;
  /** Label id; the label's registry page is `<registry>/p/<lid>`. */
  readonly lid: string;
  /** Who signed: the manufacturer or a test lab, usually a domain name. */
  readonly iss: string;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
  /** Expires at, seconds since the epoch. */
  readonly exp: number;
  /** Manufacturer's name. */
  readonly mfr: string;
  /** Brand and model designation. */
  readonly prd: string;
  /** Last day of the defined support period (YYYY-MM-DD), or null when none is declared. */
  readonly spe: string | null;
  /** Four verdict letters: PSTI paras 1, 2, 3 (guidelines 1, 2, 3), then EN 303 645 as a whole. */
  readonly vd: `${VerdictLetter}${VerdictLetter}${VerdictLetter}${VerdictLetter}`;
  /** Security updates install automatically (null: not declared). */
  readonly au: boolean | null;
}

/** A public key that may sign labels, with its key id (the start of its RFC 7638 thumbprint). */
export interface LabelPublicKey {
  readonly kid: string;
  readonly key: KeyObject;
}

/** A private signing key; `kid` is that of its public half. Never print or log `key`. */
export interface LabelSigningKey {
  readonly kid: string;
  readonly key: KeyObject;
  readonly publicKey: KeyObject;
}

export interface RevokedLabel {
  readonly lid: string;
  /** When it was revoked, seconds since the epoch. */
  readonly at: number;
  readonly reason: string;
}

export interface RevokedKey {
  readonly kid: string;
  readonly at: number;
  readonly reason: string;
}

/** Payload of a signed revocation list (schema/label-revocations.schema.json). */
export interface RevocationList {
  readonly v: 1;
  readonly iss: string;
  readonly iat: number;
  readonly labels: readonly RevokedLabel[];
  /** Revoking a key revokes every label it signed, whatever their issue date (a thief can backdate `iat`). */
  readonly keys: readonly RevokedKey[];
}

export type LabelStatus = 'valid' | 'expired' | 'revoked' | 'tampered' | 'unknown-key';

export interface LabelVerification {
  readonly status: LabelStatus;
  /** A sentence a person can act on; for `valid`, what was checked. */
  readonly reason: string;
  /** The key id named in the JWS header, when it could be read. */
  readonly kid?: string;
  /** Present only when the signature verified: the facts the label vouches for. */
  readonly payload?: LabelPayload;
}

export interface VerifyOptions {
  /** Reference time for expiry (defaults to now). */
  readonly now?: Date;
  /** A revocation list that was itself verified (see `verifyRevocationList`). */
  readonly revocationList?: RevocationList;
  /** Tolerance for clocks that run ahead when checking `iat` (seconds, default 300). */
  readonly clockSkewSeconds?: number;
}
