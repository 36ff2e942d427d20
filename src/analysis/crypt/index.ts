// Password hash schemes found in firmware, implemented from their public specifications (bcrypt via bcryptjs).
export { identifyHash, verifyPassword, DEFAULT_MAX_MEMORY, type SchemeId, type StoredHash, type VerifyOptions } from './scheme.js';
export { desCrypt } from './des-crypt.js';
export { md5Crypt } from './md5-crypt.js';
export { shaCrypt, parseShaSetting } from './sha-crypt.js';
export { yescryptKdf, YESCRYPT_DEFAULTS } from './yescrypt.js';
export { parseYescryptSetting, yescryptCrypt } from './yescrypt-setting.js';
