import { provision as p } from './provision-builder.js';

// Clauses 5.9 to 5.13 and clause 6 of EN 303 645 V2.1.1. Gists are our own summaries.
export const CLAUSE_5_9_TO_6 = [
  p('5.9-1', 'R', null, 'Devices and services are built to cope with network and power outages', 'design', 'declaration'),
  p('5.9-2', 'R', null, 'The device keeps working locally without network access and recovers cleanly after power loss', 'operation', 'device declaration'),
  p('5.9-3', 'R', null, 'The device connects to networks in an orderly, stable way that respects the infrastructure', 'operation', 'device declaration'),

  p('5.10-1', 'R', 'telemetry', 'Collected telemetry is examined for security anomalies', 'operation', 'declaration'),

  p('5.11-1', 'M', null, 'The user can erase user data from the device simply', 'operation end-of-life', 'firmware declaration'),
  p('5.11-2', 'R', null, 'The user can remove personal data held by associated services from the device simply', 'operation end-of-life', 'declaration'),
  p('5.11-3', 'R', null, 'Users get clear instructions on deleting their personal data', 'sale operation', 'web declaration'),
  p('5.11-4', 'R', null, 'Users get clear confirmation that their personal data has been deleted', 'operation end-of-life', 'declaration'),

  p('5.12-1', 'R', null, 'Installation and maintenance take few steps and follow usable-security practice', 'operation', 'declaration'),
  p('5.12-2', 'R', null, 'Users get guidance on setting the device up securely', 'sale operation', 'web declaration'),
  p('5.12-3', 'R', null, 'Users get guidance on checking that the device is set up securely', 'operation', 'web declaration'),

  p('5.13-1', 'M', null, 'Input from user interfaces, APIs and networks is validated by the device software', 'design operation', 'firmware device declaration'),

  p('6-1', 'M', null, 'Consumers are told clearly what personal data is processed, how, by whom and why, per device and service', 'sale operation', 'web declaration'),
  p('6-2', 'M', 'consent-processing', 'Consent for processing personal data is obtained validly', 'operation', 'declaration'),
  p('6-3', 'M', 'consent-processing', 'Consent can be withdrawn at any time', 'operation', 'declaration'),
  p('6-4', 'R', 'telemetry', 'Personal data in telemetry is limited to what the function needs', 'design operation', 'declaration'),
  p('6-5', 'M', 'telemetry', 'Consumers are told what telemetry is collected and why', 'sale operation', 'web declaration'),
] as const;
