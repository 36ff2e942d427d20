import type { StoredHash } from '../../analysis/crypt/index.js';

/** What a credential store holds for one account. */
export type Secret =
  | { readonly kind: 'hash'; readonly stored: StoredHash; readonly raw: string }
  | { readonly kind: 'plain'; readonly value: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'locked'; readonly raw: string }
  | { readonly kind: 'unknown'; readonly raw: string };

export type Purpose = 'login' | 'web' | 'wifi-ap' | 'wifi-client' | 'mqtt' | 'service';

/** One account found in a credential store of the image. */
export interface Credential {
  /** The kind of store (`shadow`, `passwd`, `htpasswd`, `nvram`...). */
  readonly store: string;
  readonly path: string;
  readonly line?: number;
  readonly offset?: number;
  readonly user: string;
  readonly secret: Secret;
  readonly purpose: Purpose;
  /** For system accounts: the login shell allows an interactive login. */
  readonly loginCapable: boolean;
}

/** A place where a credential store comes from at run time (a script or binary that writes it). */
export interface Writer {
  readonly path: string;
  readonly line?: number;
  readonly offset?: number;
  readonly how: string;
}

/** A store that does not exist in the image because it is generated at boot. */
export interface GeneratedStore {
  readonly path: string;
  readonly target: string;
  readonly writers: readonly Writer[];
}

/** Identity of the unit the image was dumped from, when its configuration says (for derived passwords). */
export interface UnitIdentity {
  readonly macs: readonly string[];
  readonly serials: readonly string[];
}
