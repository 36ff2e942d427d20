/** A rule of RFC 9116 that a security.txt can break; `must` rules are MUST/MUST NOT, `should` are SHOULD/RECOMMENDED. */
export interface SecurityTxtProblem {
  /** Stable rule id, e.g. `expires-missing`. */
  readonly rule: string;
  readonly level: 'must' | 'should';
  /** 1-based line in the file; 0 for the file as a whole. */
  readonly line: number;
  readonly message: string;
  /** RFC 9116 section the rule comes from. */
  readonly section: string;
}

export interface SecurityTxtField {
  /** As written. */
  readonly name: string;
  /** Lower-cased (field names are case-insensitive). */
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

/** A security.txt after parsing and validation. */
export interface SecurityTxt {
  /** The file is an OpenPGP cleartext-signed message. */
  readonly signed: boolean;
  readonly fields: readonly SecurityTxtField[];
  readonly contact: readonly string[];
  readonly expires?: Date;
  readonly canonical: readonly string[];
  readonly policy: readonly string[];
  readonly encryption: readonly string[];
  readonly acknowledgments: readonly string[];
  readonly hiring: readonly string[];
  readonly preferredLanguages: readonly string[];
  /** Sorted by line, then rule. */
  readonly problems: readonly SecurityTxtProblem[];
}

/** Where and how the file was obtained, for the rules about location, transport and content type. */
export interface SecurityTxtContext {
  readonly now: Date;
  /** The URL it was retrieved from (for Canonical). */
  readonly url?: string;
  /** The Content-Type header; omit for saved copies, whose headers are unknown. */
  readonly contentType?: string;
}

/** RFC 9116 section 5.4: parsers may refuse files above 32 KiB, fields above 2,048 characters or 1,000 lines. */
export const LIMITS = { bytes: 32 * 1024, fieldLength: 2048, lines: 1000 } as const;
