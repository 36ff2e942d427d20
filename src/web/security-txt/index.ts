// security.txt (RFC 9116): parser, validator and OpenPGP signature verification.
export type { SecurityTxt, SecurityTxtContext, SecurityTxtField, SecurityTxtProblem } from './types.js';
export { LIMITS as SECURITY_TXT_LIMITS } from './types.js';
export { parseSecurityTxt } from './parse.js';
export { verifySecurityTxtSignature, type SignatureCheck } from './signature.js';
export { parseDateTime, isLanguageTag, isUri } from './syntax.js';
export { generateSecurityTxt, type SecurityTxtOptions } from './generate.js';
