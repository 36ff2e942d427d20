import type { Guideline } from './types.js';

const ALL: Guideline['stakeholders'] = ['device-manufacturer', 'iot-service-provider', 'mobile-app-developer'];

/** The 13 guidelines of the UK Code of Practice for Consumer IoT Security (DCMS, October 2018), summarised. */
export const GUIDELINES: readonly Guideline[] = [
  { id: 1, title: 'No default passwords', priority: true, stakeholders: ['device-manufacturer'],
    summary: 'Every password a device uses must be unique to that unit or chosen by its user, and a reset must not bring back a shared factory value.' },
  { id: 2, title: 'Implement a vulnerability disclosure policy', priority: true, stakeholders: ALL,
    summary: 'Publish a contact through which anyone can report a security problem, and handle what comes in promptly.' },
  { id: 3, title: 'Keep software updated', priority: true, stakeholders: ALL,
    summary: 'Ship security updates securely and in good time, and say publicly for how long the product will get them.' },
  { id: 4, title: 'Securely store credentials and security-sensitive data', priority: false, stakeholders: ALL,
    summary: 'Keep secrets in secure storage and never bake credentials or keys into the software image.' },
  { id: 5, title: 'Communicate securely', priority: false, stakeholders: ALL,
    summary: 'Protect security-sensitive data in transit with current cryptography and manage keys properly.' },
  { id: 6, title: 'Minimise exposed attack surfaces', priority: false, stakeholders: ['device-manufacturer', 'iot-service-provider'],
    summary: 'Switch off unused ports, interfaces and services, and run software with the least privilege it needs.' },
  { id: 7, title: 'Ensure software integrity', priority: false, stakeholders: ['device-manufacturer'],
    summary: 'Verify software with secure boot and react to unauthorised changes instead of carrying on.' },
  { id: 8, title: 'Ensure that personal data is protected', priority: false, stakeholders: [...ALL, 'retailer'],
    summary: 'Process personal data lawfully, tell users what is collected and why, and protect it.' },
  { id: 9, title: 'Make systems resilient to outages', priority: false, stakeholders: ['device-manufacturer', 'iot-service-provider'],
    summary: 'Keep working locally when the network or cloud fails and recover cleanly after a power loss.' },
  { id: 10, title: 'Monitor system telemetry data', priority: false, stakeholders: ['iot-service-provider'],
    summary: 'Where telemetry is collected, watch it for signs of security anomalies.' },
  { id: 11, title: 'Make it easy for consumers to delete personal data', priority: false, stakeholders: ALL,
    summary: 'Give users a simple way to wipe their data when they sell, pass on or dispose of a device.' },
  { id: 12, title: 'Make installation and maintenance of devices easy', priority: false, stakeholders: ALL,
    summary: 'Make secure set-up and upkeep take few steps and come with clear guidance.' },
  { id: 13, title: 'Validate input data', priority: false, stakeholders: ALL,
    summary: 'Check every input, from user interfaces, APIs and networks, before acting on it.' },
];
