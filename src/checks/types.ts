import type { EvidenceKind, ProvisionId } from '../catalogue/index.js';
import type { FirmwareEvidence } from '../firmware/types.js';
import type { EvidenceDocument, LoadedManifest } from '../manifest/index.js';
import type { FindingDraft, Severity } from '../model/index.js';
import type { VulnDbSettings } from '../vulndb/index.js';
import type { WebResponse } from '../web/index.js';

/** An evidence document of an attestation after iotcop looked at it. */
export interface CheckedDocument extends EvidenceDocument {
  /**
   * - `verified`: the local file exists and its sha256 equals the declared one;
   * - `unhashed`: the local file exists but the manifest gives no sha256 to compare with;
   * - `mismatch`: the file's sha256 differs from the declared one;
   * - `missing`: the local file does not exist or cannot be read (or leaves the manifest's folder);
   * - `remote`: only a URL is given, so the content could not be checked.
   */
  readonly state: 'verified' | 'unhashed' | 'mismatch' | 'missing' | 'remote';
  readonly actualSha256?: string;
}

/** The manifest with its attestation documents checked. */
export interface ManifestEvidence {
  readonly manifest: LoadedManifest;
  readonly documents: Readonly<Partial<Record<ProvisionId, readonly CheckedDocument[]>>>;
}

/** Per-unit provisioning records from a factory CSV: one record per unit, with its passwords. */
export interface ProvisioningRecords {
  readonly path: string;
  readonly columns: readonly string[];
  /** Indexes of the columns that hold passwords, passphrases or PINs. */
  readonly passwordColumns: readonly number[];
  readonly macColumn?: number;
  readonly serialColumn?: number;
  readonly records: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

/** Why a page was fetched. */
export type WebPurpose =
  | 'security-txt'          // https://<domain>/.well-known/security.txt, or the manifest's securityTxtUrl
  | 'security-txt-legacy'   // https://<domain>/security.txt
  | 'disclosure-policy'     // vulnerabilityDisclosure.policyUrl, or a security.txt Policy field
  | 'support-period'        // supportPeriod.url
  | 'privacy-notice'        // personalData.privacyNoticeUrl
  | 'deletion-instructions' // personalData.deletion.instructionsUrl
  | 'pgp-key';              // a security.txt Encryption URL, to verify the file's signature

/** One fetched page and who named it. */
export interface WebPage {
  readonly purpose: WebPurpose;
  readonly url: string;
  /** Where the URL came from: a manifest path, a field of a fetched security.txt, or a declared domain. */
  readonly origin:
    | { readonly kind: 'manifest'; readonly path: readonly (string | number)[] }
    | { readonly kind: 'security-txt'; readonly url: string; readonly line: number }
    | { readonly kind: 'domain'; readonly domain: string };
  readonly response: WebResponse;
}

/** The manufacturer's published pages, fetched live or read from a snapshot. */
export interface WebEvidence {
  readonly source: 'network' | 'snapshot';
  /** Sorted by purpose, then URL. */
  readonly pages: readonly WebPage[];
}

/**
 * Everything the evidence providers collected. Each kind is absent when nothing was given for it, and
 * `unavailable` says why a kind that was asked for could not be collected.
 */
export interface Evidence {
  readonly manifest?: ManifestEvidence;
  readonly firmware?: readonly FirmwareEvidence[];
  readonly provisioning?: readonly ProvisioningRecords[];
  readonly web?: WebEvidence;
  readonly unavailable: Readonly<Partial<Record<EvidenceKind, string>>>;
}

export interface CheckContext {
  readonly evidence: Evidence;
  /** The assessment's notion of today (fixed in tests so verdicts do not depend on the clock). */
  readonly now: Date;
  readonly signal: AbortSignal;
  /** The offline vulnerability database to match components against (default location when absent). */
  readonly vulndb?: VulnDbSettings;
  /** Reports progress of a long step. */
  progress(message: string): void;
}

/** What a check is, without its logic: lives in the check folder's index.ts. */
export interface CheckMeta {
  /** Kebab-case, equal to the folder name. */
  readonly id: string;
  readonly title: string;
  /** Every provision the check can inform. */
  readonly provisions: readonly ProvisionId[];
  /** Severity of the worst finding it can produce. */
  readonly severity: Severity;
  /** Evidence kinds the check needs; it is skipped (and its provisions told why) when one is missing. */
  readonly needs: readonly EvidenceKind[];
}

/**
 * A check: reads evidence and returns findings. Checks never print, exit or write files. A check that could
 * not look returns `inconclusive` findings saying why; it never returns `pass` for something it did not examine.
 */
export interface Check extends CheckMeta {
  run(ctx: CheckContext): Promise<readonly FindingDraft[]>;
}
