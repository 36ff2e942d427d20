import type { Condition } from './types.js';

/**
 * The conditions of EN 303 645's conditional provisions, as questions a manufacturer answers in the manifest
 * (`conditions:`). A provision applies when the answer equals `appliesWhen`.
 */
export const CONDITIONS = [
  { id: 'passwords', appliesWhen: true,
    question: 'Does the device use passwords in any state other than its factory default?' },
  { id: 'preinstalled-unique-passwords', appliesWhen: true,
    question: 'Does each unit leave the factory with its own pre-installed password?' },
  { id: 'user-authentication', appliesWhen: true,
    question: 'Can a user or administrator authenticate against the device itself?' },
  { id: 'constrained', appliesWhen: false,
    question: 'Is the device constrained, i.e. its hardware cannot support measures such as rate limiting or update verification?' },
  { id: 'software-updates', appliesWhen: true,
    question: 'Does the device have a mechanism to update its software?' },
  { id: 'network-updates', appliesWhen: true,
    question: 'Are software updates delivered to the device over a network interface?' },
  { id: 'automatic-updates', appliesWhen: true,
    question: 'Does the device support automatic updates or update notifications?' },
  { id: 'constrained-not-updatable', appliesWhen: true,
    question: 'Is the device constrained and unable to have its software updated at all?' },
  { id: 'hardcoded-identity', appliesWhen: true,
    question: 'Does the device use a hard-coded unique identity for security purposes?' },
  { id: 'physical-debug-interface', appliesWhen: true,
    question: 'Is a debug interface (UART, JTAG, SWD...) physically reachable on the device?' },
  { id: 'sensitive-personal-data', appliesWhen: true,
    question: 'Does the device exchange sensitive personal data (health, location, audio, video...) with associated services?' },
  { id: 'telemetry', appliesWhen: true,
    question: 'Is telemetry (usage or measurement data) collected from the device or its services?' },
  { id: 'consent-processing', appliesWhen: true,
    question: 'Is any personal data processed on the basis of the consumer\'s consent?' },
] as const satisfies readonly Condition[];

export type ConditionId = (typeof CONDITIONS)[number]['id'];
