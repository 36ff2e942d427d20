import { firmwareProvider } from './firmware/index.js';
import { manifestProvider } from './manifest/index.js';
import { provisioningProvider } from './provisioning/index.js';
import type { EvidenceProvider } from './types.js';
import { webProvider } from './web/index.js';

/** Evidence providers, in the order they run. */
export const PROVIDERS: readonly EvidenceProvider[] = [manifestProvider, provisioningProvider, firmwareProvider, webProvider];
