import { attestationEvidence } from './attestation-evidence/index.js';
import { disclosurePage } from './disclosure-page/index.js';
import { disclosurePolicy } from './disclosure-policy/index.js';
import { privacyPages } from './privacy-pages/index.js';
import { securityTxt } from './security-txt/index.js';
import { supportPeriod } from './support-period/index.js';
import { supportPeriodPage } from './support-period-page/index.js';
import type { Check } from './types.js';
import { unpackCoverage } from './unpack-coverage/index.js';

/** Every built-in check. Third-party checks are passed to the engine in its options. */
export const CHECKS: readonly Check[] = [
  attestationEvidence, disclosurePolicy, supportPeriod,
  securityTxt, disclosurePage, supportPeriodPage, privacyPages,
  unpackCoverage,
];
