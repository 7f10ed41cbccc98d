/**
 * Who a person is to Krom: each role is held in one tenant (a group, a federation, a bank, an NGO,
 * or the platform). Roles are stored in DynamoDB, not in the token, so a change of treasurer
 * takes effect on the next request.
 */
import { say, type Text } from './messages.ts';

export const TENANT_TYPES = ['PLATFORM', 'FEDERATION', 'GROUP', 'BANK', 'NGO'] as const;
export type TenantType = (typeof TENANT_TYPES)[number];

export const GROUP_OFFICER_ROLES = ['PRESIDENT', 'TREASURER', 'SECRETARY'] as const;
export type GroupOfficerRole = (typeof GROUP_OFFICER_ROLES)[number];

/** The roles each kind of tenant has. */
export const ROLES_BY_TENANT = {
  PLATFORM: ['ADMIN'],
  FEDERATION: ['COORDINATOR'],
  GROUP: GROUP_OFFICER_ROLES,
  BANK: ['LOAN_OFFICER'],
  NGO: ['STAFF'],
} as const satisfies Record<TenantType, readonly string[]>;

export type RoleName = (typeof ROLES_BY_TENANT)[TenantType][number];
export const ROLE_NAMES = [...new Set(Object.values(ROLES_BY_TENANT).flat())] as [RoleName, ...RoleName[]];

export interface RoleGrant {
  tenantType: TenantType;
  /** 'platform' for the platform tenant. */
  tenantId: string;
  role: RoleName;
}

export const PLATFORM_ID = 'platform';

export function isRoleOfTenant(tenantType: TenantType, role: string): role is RoleName {
  return (ROLES_BY_TENANT[tenantType] as readonly string[]).includes(role);
}

/**
 * Separation of duties: a group office and a role outside groups (platform, federation, bank, NGO)
 * are never held by one person at once. Member names and phones are the group's own; someone who
 * administers the platform, coordinates a federation, lends for a bank or serves an NGO must not
 * read them by making herself an officer. Returns why a person holding `held` may not also take
 * `next`, or null when she may.
 */
export function dutyConflict(held: readonly RoleGrant[], next: RoleGrant): Text | null {
  const office = (r: RoleGrant) => r.tenantType === 'GROUP';
  const clash = held.find((r) => office(r) !== office(next));
  if (!clash) return null;
  return office(next) ? say.officerHoldsOtherRole(clash.role, clash.tenantType) : say.roleHolderIsOfficer(clash.role);
}
