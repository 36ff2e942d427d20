// The consumer security label's signing core: payload, keys, signing, verification, revocation and URL scheme.
export type {
  LabelPayload, LabelPublicKey, LabelSigningKey, LabelStatus, LabelVerification, RevocationList, RevokedKey, RevokedLabel,
  VerdictLetter, VerifyOptions,
} from './types.js';
export { LABEL_PAYLOAD_SCHEMA_URL, REVOCATIONS_SCHEMA_URL, labelPayloadProblems, revocationListProblems } from './schema.js';
export { generateLabelKey, keyId, parsePrivateKey, parsePublicKeys, publicJwk } from './keys.js';
export { loadPublicKeys, loadSigningKey, writeKeyFiles, type WrittenKeyFiles } from './key-files.js';
export { canonicalPayload, signLabel } from './sign.js';
export { verifyLabel } from './verify.js';
export { verifyLabelUrl } from './verify-url.js';
export { REVOCATIONS_TYP, signRevocationList, verifyRevocationList } from './revocation.js';
export { labelUrl, parseLabelUrl, registryBase, type ParsedLabelUrl } from './url.js';
export { labelIdFor } from './label-id.js';
export { labelFacts, qrContent, type LabelFacts, type LabelFactsOptions, type LabelLine } from './facts.js';
export { generateLabel, type GeneratedLabel } from './generate.js';
export { verifyLabelInput } from './verify-any.js';
export { MIN_TEXT_MM, WIDTH_MM } from './render/size.js';
