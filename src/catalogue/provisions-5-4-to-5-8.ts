import { provision as p } from './provision-builder.js';

// Clauses 5.4 to 5.8 of EN 303 645 V2.1.1. Gists are our own summaries.
export const CLAUSE_5_4_TO_5_8 = [
  p('5.4-1', 'M', null, 'Sensitive security parameters kept in persistent storage are stored securely', 'design operation', 'firmware declaration'),
  p('5.4-2', 'M', 'hardcoded-identity', 'A hard-coded per-unit identity used for security resists physical, electrical and software tampering', 'design manufacture', 'declaration'),
  p('5.4-3', 'M', null, 'No critical security parameter is hard-coded in the device software', 'design', 'firmware'),
  p('5.4-4', 'M', null, 'Keys for update integrity and for talking to associated services are unique per unit and generated safely', 'design manufacture', 'firmware declaration'),

  p('5.5-1', 'M', null, 'The device communicates securely using best-practice cryptography', 'design operation', 'firmware device declaration'),
  p('5.5-2', 'R', null, 'Network and cryptographic functions use reviewed or evaluated implementations', 'design', 'firmware declaration'),
  p('5.5-3', 'R', null, 'Cryptographic algorithms and primitives can be updated', 'design update', 'declaration'),
  p('5.5-4', 'R', null, 'Device functions reachable over a network need authentication on that interface once initialised', 'operation', 'firmware device declaration'),
  p('5.5-5', 'M', null, 'Security-relevant configuration over a network interface is only possible after authentication', 'operation', 'firmware device declaration'),
  p('5.5-6', 'R', null, 'Critical security parameters are encrypted in transit', 'operation', 'firmware device declaration'),
  p('5.5-7', 'M', null, 'Critical security parameters sent over remotely reachable interfaces stay confidential', 'operation', 'firmware device declaration'),
  p('5.5-8', 'M', null, 'The manufacturer manages the device\'s critical security parameters through secure processes', 'design manufacture operation', 'firmware declaration'),

  p('5.6-1', 'M', null, 'Network and logical interfaces that are not used are disabled', 'design operation', 'firmware device declaration'),
  p('5.6-2', 'M', null, 'Once initialised, network interfaces disclose as little security-relevant information as possible without authentication', 'operation', 'firmware device'),
  p('5.6-3', 'R', null, 'Hardware does not expose physical interfaces to attack without need', 'design manufacture', 'declaration'),
  p('5.6-4', 'M', 'physical-debug-interface', 'A physically reachable debug interface is disabled in software', 'manufacture operation', 'firmware declaration'),
  p('5.6-5', 'R', null, 'Only the software services needed for the intended use are enabled', 'design operation', 'firmware device declaration'),
  p('5.6-6', 'R', null, 'Code is reduced to what the device needs to operate', 'design', 'firmware declaration'),
  p('5.6-7', 'R', null, 'Software runs with the least privileges it needs', 'design operation', 'firmware declaration'),
  p('5.6-8', 'R', null, 'The hardware enforces access control on memory', 'design', 'declaration'),
  p('5.6-9', 'R', null, 'Software on the device is built with a secure development process', 'design', 'declaration'),

  p('5.7-1', 'R', null, 'The device verifies its software with a secure boot mechanism', 'design operation', 'firmware declaration'),
  p('5.7-2', 'R', null, 'On detecting unauthorised software changes the device alerts and limits its network connections', 'operation', 'declaration'),

  p('5.8-1', 'R', null, 'Personal data moving between the device and services is kept confidential with best-practice cryptography', 'operation', 'firmware device declaration'),
  p('5.8-2', 'M', 'sensitive-personal-data', 'Sensitive personal data exchanged with associated services is kept confidential with suitable cryptography', 'operation', 'firmware device declaration'),
  p('5.8-3', 'M', null, 'Every external sensing capability of the device is documented clearly for the user', 'sale', 'web declaration'),
] as const;
