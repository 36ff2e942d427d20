import { provision as p } from './provision-builder.js';

// Clause 4 and clauses 5.1 to 5.3 of EN 303 645 V2.1.1. Gists are our own summaries.
export const CLAUSE_4_TO_5_3 = [
  p('4-1', 'M', null, 'Every recommendation judged not applicable or not met has a documented justification', 'design', 'declaration'),

  p('5.1-1', 'M', 'passwords', 'Passwords outside the factory-default state are unique per unit or chosen by the user', 'design manufacture operation', 'firmware device declaration'),
  p('5.1-2', 'M', 'preinstalled-unique-passwords', 'Unique factory passwords are generated so they cannot be guessed across a class of devices', 'manufacture', 'firmware declaration'),
  p('5.1-3', 'M', null, 'User authentication to the device uses best-practice cryptography', 'design operation', 'firmware device declaration'),
  p('5.1-4', 'M', 'user-authentication', 'Users or administrators have a simple way to change the authentication value', 'operation', 'device declaration'),
  p('5.1-5', 'M', 'constrained', 'Brute-force attacks on authentication over network interfaces are made impracticable', 'design operation', 'device declaration'),

  p('5.2-1', 'M', null, 'A vulnerability disclosure policy is publicly available', 'sale operation', 'web declaration'),
  p('5.2-2', 'R', null, 'Disclosed vulnerabilities are acted on in a timely manner', 'operation update', 'declaration'),
  p('5.2-3', 'R', null, 'Vulnerabilities in products and services are monitored, identified and fixed throughout the support period', 'operation update', 'firmware declaration'),

  p('5.3-1', 'R', null, 'All software components can be updated securely', 'design update', 'firmware declaration'),
  p('5.3-2', 'M', 'constrained', 'A non-constrained device has a mechanism to install updates securely', 'design update', 'firmware declaration'),
  p('5.3-3', 'M', 'software-updates', 'Applying an update is simple for the user', 'update', 'declaration'),
  p('5.3-4', 'R', 'software-updates', 'Updates are applied by automatic mechanisms', 'update', 'firmware declaration'),
  p('5.3-5', 'R', 'software-updates', 'The device checks for security updates after initialisation and periodically after that', 'operation update', 'firmware device declaration'),
  p('5.3-6', 'R', 'automatic-updates', 'Automatic updates and notifications are on by default and the user can enable, disable or postpone them', 'operation update', 'declaration'),
  p('5.3-7', 'M', 'software-updates', 'The update mechanism relies on best-practice cryptography', 'design update', 'firmware declaration'),
  p('5.3-8', 'M', 'software-updates', 'Security updates are delivered in good time', 'update', 'firmware declaration'),
  p('5.3-9', 'R', 'software-updates', 'The device checks the authenticity and integrity of software updates', 'update', 'firmware declaration'),
  p('5.3-10', 'M', 'network-updates', 'Updates received over a network are verified for authenticity and integrity through a trust relationship', 'update', 'firmware declaration'),
  p('5.3-11', 'R', 'software-updates', 'Users are told clearly when a security update is needed and what risk it addresses', 'update', 'declaration'),
  p('5.3-12', 'R', 'software-updates', 'Users are warned when installing an update will interrupt basic functions', 'update', 'declaration'),
  p('5.3-13', 'M', null, 'The defined support period is published clearly and accessibly', 'sale', 'web declaration'),
  p('5.3-14', 'R', 'constrained-not-updatable', 'For non-updatable constrained devices, the reason, hardware replacement terms and support period are published', 'sale end-of-life', 'web declaration'),
  p('5.3-15', 'R', 'constrained-not-updatable', 'Non-updatable constrained devices can be isolated and their hardware replaced', 'design end-of-life', 'declaration'),
  p('5.3-16', 'M', null, 'The model designation can be clearly recognised on a label or through a physical interface', 'manufacture sale', 'declaration'),
] as const;
