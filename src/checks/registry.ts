import { attestationEvidence } from './attestation-evidence/index.js';
import { defaultPasswords } from './default-passwords/index.js';
import { disclosurePage } from './disclosure-page/index.js';
import { disclosurePolicy } from './disclosure-policy/index.js';
import { endpoints } from './endpoints/index.js';
import { exposedServices } from './exposed-services/index.js';
import { factoryReset } from './factory-reset/index.js';
import { hardcodedSecrets } from './hardcoded-secrets/index.js';
import { inputValidation } from './input-validation/index.js';
import { knownVulnerabilities } from './known-vulnerabilities/index.js';
import { personalDataOnImage } from './personal-data-on-image/index.js';
import { privacyPages } from './privacy-pages/index.js';
import { provisionedPasswords } from './provisioned-passwords/index.js';
import { securityTxt } from './security-txt/index.js';
import { storedKeys } from './stored-keys/index.js';
import { supportPeriod } from './support-period/index.js';
import { supportPeriodPage } from './support-period-page/index.js';
import { tlsSshConfig } from './tls-ssh-config/index.js';
import { updateMechanism } from './update-mechanism/index.js';
import type { Check } from './types.js';
import { unpackCoverage } from './unpack-coverage/index.js';

/** Every built-in check. Third-party checks are passed to the engine in its options. */
export const CHECKS: readonly Check[] = [
  attestationEvidence, disclosurePolicy, supportPeriod,
  securityTxt, disclosurePage, supportPeriodPage, privacyPages,
  defaultPasswords, exposedServices, storedKeys, hardcodedSecrets, updateMechanism, provisionedPasswords,
  unpackCoverage, knownVulnerabilities, endpoints, tlsSshConfig, factoryReset, personalDataOnImage, inputValidation,
];
