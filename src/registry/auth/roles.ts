import type { OrgRole } from '../db/schema.js';

/** What a caller may do inside one organisation. */
export type Permission =
  | 'org:read' // the organisation's products, assessments, labels
  | 'org:manage' // members, tokens, webhooks, settings, audit log
  | 'product:write' // products and firmware versions
  | 'assessment:write' // uploads
  | 'label:write' // issue and revoke labels
  | 'vdp:read' // the disclosure inbox
  | 'vdp:write'; // acknowledge, triage, fix, publish, message the reporter

export const ORG_ROLES: readonly OrgRole[] = ['owner', 'maintainer', 'security', 'viewer'];

/**
 * The role table. Maintainers ship products (and read the inbox so they can fix what it holds); the security
 * role runs the inbox; viewers read. Owners do everything in their organisation.
 */
export const ROLE_PERMISSIONS: Readonly<Record<OrgRole, readonly Permission[]>> = {
  owner: ['org:read', 'org:manage', 'product:write', 'assessment:write', 'label:write', 'vdp:read', 'vdp:write'],
  maintainer: ['org:read', 'product:write', 'assessment:write', 'label:write', 'vdp:read'],
  security: ['org:read', 'vdp:read', 'vdp:write'],
  viewer: ['org:read'],
};

export function roleAllows(role: OrgRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isOrgRole(value: string): value is OrgRole {
  return (ORG_ROLES as readonly string[]).includes(value);
}
