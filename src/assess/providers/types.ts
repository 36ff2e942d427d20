import type { EvidenceKind } from '../../catalogue/index.js';
import type { Evidence } from '../../checks/types.js';
import type { ClassifiedInput } from '../inputs.js';
import type { FetcherOptions } from '../../web/index.js';

export interface ProviderContext {
  readonly signal: AbortSignal;
  /** Inputs come from someone else (server uploads): paths inside them must stay in their folder. */
  readonly untrusted: boolean;
  /** How published pages are obtained (absent: not at all). */
  readonly web?: WebOptions;
  progress(message: string): void;
}

/**
 * Where the web provider gets the manufacturer's pages: `online` fetches them (https only, TLS verified),
 * `snapshot` reads saved copies from a folder (`--web-snapshot DIR`), `off` skips every web check.
 */
export type WebOptions =
  | { readonly mode: 'online'; readonly fetcher?: FetcherOptions }
  | { readonly mode: 'snapshot'; readonly dir: string }
  | { readonly mode: 'off' };

/**
 * An evidence provider turns inputs into one kind of evidence. Providers run in registry order and each sees
 * what the earlier ones collected (the firmware provider reads the images a manifest names).
 */
export interface EvidenceProvider {
  readonly id: string;
  readonly kind: EvidenceKind;
  /** Adds its evidence to `collected`; records in `unavailable` why it could not when it was asked to. */
  collect(inputs: readonly ClassifiedInput[], collected: Evidence, ctx: ProviderContext): Promise<Evidence>;
}
