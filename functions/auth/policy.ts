/**
 * The policy: the one place that decides who may do what to what. Deny by default — a permission
 * not granted below is refused. Pure: resolvers load the facts (the viewer's roles, the target's
 * federation chain) and ask; nothing here reads or writes.
 */
import { checkBankRead, describeRefusal, type AccessScope, type DataRange, type Grant } from '#core/access.ts';
import { GROUP_OFFICER_ROLES, type RoleGrant, type TenantType } from '#core/roles.ts';
import { denied, type Text } from '#core/messages.ts';

export interface Viewer {
  /** The verified token subject. */
  userId: string;
  /** Roles loaded from DynamoDB on this request. */
  roles: RoleGrant[];
}

/** A group as the policy sees it: its id and the federations it sits under, nearest first. */
export interface GroupTarget {
  groupId: string;
  federationIds: string[];
}

/** A federation and every federation above it, itself first. */
export interface FederationTarget {
  federationIds: string[];
}

export type Permission =
  | { action: 'platform.administer' }
  | { action: 'federation.create'; parent: FederationTarget | null }
  | { action: 'federation.read'; federation: FederationTarget }
  | { action: 'group.create'; federation: FederationTarget | null }
  /** Public facts: name, place, age, member count. Nothing financial, no names. */
  | { action: 'group.readProfile'; group: GroupTarget }
  | { action: 'group.readMembers'; group: GroupTarget }
  | { action: 'group.writeMembers'; group: GroupTarget }
  /** Correcting what the registers say (a member's details, a meeting's attendance or minutes). */
  | { action: 'group.correctRecords'; group: GroupTarget }
  /** The books: balances, ledger, meetings, loans, passbooks, constitution. */
  | { action: 'group.readBooks'; group: GroupTarget }
  | { action: 'group.writeBooks'; group: GroupTarget }
  /** Who holds which office (names of officers, not of members). */
  | { action: 'group.readOfficers'; group: GroupTarget }
  | { action: 'group.appointOfficers'; group: GroupTarget }
  | { action: 'group.browseDirectory' }
  /** Roles outside groups; group offices go through officer appointments. */
  | { action: 'role.assign'; tenantType: TenantType; tenantId: string }
  | { action: 'organisation.read' }
  /** A loan officer asks a group for access on behalf of her bank. */
  | { action: 'access.request'; bankId: string }
  /** Approve, reject, pause, resume or revoke: the group's current treasurer alone. */
  | { action: 'access.decide'; group: GroupTarget }
  /** The group's side: its requests, grants and the log of every read. */
  | { action: 'access.readGroupSide'; group: GroupTarget }
  /** The bank's side: its own requests, grants and usage. */
  | { action: 'access.readBankSide'; bankId: string }
  /** Moving a group between federations: both sides must agree (or an administrator acts). */
  | { action: 'group.move'; from: FederationTarget | null; to: FederationTarget | null }
  /** Moving a federation under another parent (or to the top): the side it leaves and the side it joins agree. */
  | {
      action: 'federation.move';
      federation: FederationTarget;
      from: FederationTarget | null;
      to: FederationTarget | null;
    }
  /** An NGO's own sectors, services and deliveries. */
  | { action: 'ngo.manage'; ngoId: string }
  /** Where services reach, as suppressed aggregates. */
  | { action: 'coverage.read' }
  /** Totals by place: counts of groups and money, never one group's books. */
  | { action: 'rollup.readPlace' }
  /** A bank takes back a request it made. */
  | { action: 'access.withdraw'; bankId: string }
  /** A group's treasurer asks a bank for a loan. */
  | { action: 'bankLoan.apply'; group: GroupTarget }
  /** A bank decides on and pays out a loan asked of it. */
  | { action: 'bankLoan.decide'; bankId: string }
  /** A bank reads a group's data under a grant: role × tenant × grant state × scopes × range × time. */
  | {
      action: 'bank.readGroup';
      group: GroupTarget;
      grant: Grant | undefined;
      scopes: AccessScope[];
      range: DataRange;
      now: Date;
    };

export type Decision = { allowed: true } | { allowed: false; reason: Text };

const ALLOW: Decision = { allowed: true };
const deny = (reason: Text): Decision => ({ allowed: false, reason });

const isAdmin = (v: Viewer) => v.roles.some((r) => r.tenantType === 'PLATFORM' && r.role === 'ADMIN');
const isOfficerOf = (v: Viewer, groupId: string) =>
  v.roles.some(
    (r) =>
      r.tenantType === 'GROUP' && r.tenantId === groupId && (GROUP_OFFICER_ROLES as readonly string[]).includes(r.role),
  );
const coordinatesAnyOf = (v: Viewer, federationIds: readonly string[]) =>
  v.roles.some((r) => r.tenantType === 'FEDERATION' && r.role === 'COORDINATOR' && federationIds.includes(r.tenantId));
const hasTenant = (v: Viewer, type: TenantType) => v.roles.some((r) => r.tenantType === type);
const isLoanOfficerOf = (v: Viewer, bankId: string) =>
  v.roles.some((r) => r.tenantType === 'BANK' && r.tenantId === bankId && r.role === 'LOAN_OFFICER');

/** Decides one permission for one viewer. Every branch that allows names who and why. */
export function decide(viewer: Viewer, p: Permission): Decision {
  switch (p.action) {
    case 'platform.administer':
      return isAdmin(viewer) ? ALLOW : deny(denied.adminOnly);
    case 'federation.create':
      return isAdmin(viewer) ? ALLOW : deny(denied.adminCreatesFederations);
    case 'federation.read':
      if (isAdmin(viewer) || coordinatesAnyOf(viewer, p.federation.federationIds)) return ALLOW;
      return deny(denied.federationReaders);
    case 'group.create':
      if (isAdmin(viewer)) return ALLOW;
      if (p.federation && coordinatesAnyOf(viewer, p.federation.federationIds)) return ALLOW;
      return deny(denied.groupOnboarding);
    case 'group.readProfile':
      // Banks and NGOs find groups through the directory, which shows these same public facts
      // (name, place, age, member count) — never the books.
      if (
        isAdmin(viewer) ||
        isOfficerOf(viewer, p.group.groupId) ||
        hasTenant(viewer, 'BANK') ||
        hasTenant(viewer, 'NGO')
      )
        return ALLOW;
      if (coordinatesAnyOf(viewer, p.group.federationIds)) return ALLOW;
      return deny(denied.notYourGroup);
    case 'group.readMembers':
    case 'group.writeMembers':
      // Member names and phones are the group's own: not even its federation or an administrator.
      return isOfficerOf(viewer, p.group.groupId) ? ALLOW : deny(denied.membersOfficersOnly);
    case 'group.correctRecords':
      // The STREAM guide gives the account books to the treasurer and the minutes to the secretary:
      // they keep the registers, so they correct them; the president chairs.
      return viewer.roles.some(
        (r) =>
          r.tenantType === 'GROUP' &&
          r.tenantId === p.group.groupId &&
          (r.role === 'TREASURER' || r.role === 'SECRETARY'),
      )
        ? ALLOW
        : deny(denied.recordKeepers);
    case 'group.readBooks':
    case 'group.writeBooks':
      // What banks, NGOs and federations may see is derived from the books elsewhere, never the books themselves.
      return isOfficerOf(viewer, p.group.groupId) ? ALLOW : deny(denied.booksOfficersOnly);
    case 'group.readOfficers':
      if (isAdmin(viewer) || isOfficerOf(viewer, p.group.groupId) || coordinatesAnyOf(viewer, p.group.federationIds))
        return ALLOW;
      return deny(denied.officersReaders);
    case 'group.appointOfficers':
      // The group chooses its officers; its president records the change, or its federation or an administrator does.
      if (isAdmin(viewer) || coordinatesAnyOf(viewer, p.group.federationIds)) return ALLOW;
      if (
        viewer.roles.some((r) => r.tenantType === 'GROUP' && r.tenantId === p.group.groupId && r.role === 'PRESIDENT')
      )
        return ALLOW;
      return deny(denied.appointers);
    case 'group.browseDirectory':
      return isAdmin(viewer) || hasTenant(viewer, 'BANK') || hasTenant(viewer, 'NGO') || hasTenant(viewer, 'FEDERATION')
        ? ALLOW
        : deny(denied.directory);
    case 'role.assign':
      return isAdmin(viewer) ? ALLOW : deny(denied.rolesAdmin);
    case 'organisation.read':
      return viewer.roles.length > 0 ? ALLOW : deny(denied.noRoleYet);
    case 'access.request':
      return isLoanOfficerOf(viewer, p.bankId) ? ALLOW : deny(denied.bankAsks);
    case 'access.withdraw':
      return isLoanOfficerOf(viewer, p.bankId) ? ALLOW : deny(denied.bankWithdraws);
    case 'access.decide':
      return viewer.roles.some(
        (r) => r.tenantType === 'GROUP' && r.tenantId === p.group.groupId && r.role === 'TREASURER',
      )
        ? ALLOW
        : deny(denied.treasurerDecides);
    case 'group.move': {
      if (isAdmin(viewer)) return ALLOW;
      const leaves = !p.from || coordinatesAnyOf(viewer, p.from.federationIds);
      const joins = !p.to || coordinatesAnyOf(viewer, p.to.federationIds);
      return leaves && joins && (p.from || p.to) ? ALLOW : deny(denied.groupMove);
    }
    case 'federation.move': {
      if (isAdmin(viewer)) return ALLOW;
      // A top-level federation has no parent to let it go: its own coordinators agree to join instead.
      const leaves = p.from
        ? coordinatesAnyOf(viewer, p.from.federationIds)
        : coordinatesAnyOf(viewer, p.federation.federationIds.slice(0, 1));
      const joins = !p.to || coordinatesAnyOf(viewer, p.to.federationIds);
      return leaves && joins ? ALLOW : deny(denied.federationMove);
    }
    case 'ngo.manage':
      return isAdmin(viewer) || viewer.roles.some((r) => r.tenantType === 'NGO' && r.tenantId === p.ngoId)
        ? ALLOW
        : deny(denied.ngoStaff);
    case 'coverage.read':
      return isAdmin(viewer) || hasTenant(viewer, 'NGO') || hasTenant(viewer, 'FEDERATION')
        ? ALLOW
        : deny(denied.coverageReaders);
    case 'rollup.readPlace':
      return isAdmin(viewer) || hasTenant(viewer, 'FEDERATION') ? ALLOW : deny(denied.placeTotals);
    case 'bankLoan.apply':
      return viewer.roles.some(
        (r) => r.tenantType === 'GROUP' && r.tenantId === p.group.groupId && r.role === 'TREASURER',
      )
        ? ALLOW
        : deny(denied.treasurerAsksLoan);
    case 'bankLoan.decide':
      return isLoanOfficerOf(viewer, p.bankId) ? ALLOW : deny(denied.bankDecidesLoans);
    case 'access.readGroupSide':
      return isOfficerOf(viewer, p.group.groupId) ? ALLOW : deny(denied.groupSideAccess);
    case 'access.readBankSide':
      return isLoanOfficerOf(viewer, p.bankId) ? ALLOW : deny(denied.bankSideAccess);
    case 'bank.readGroup': {
      if (!viewer.roles.some((r) => r.tenantType === 'BANK' && r.role === 'LOAN_OFFICER'))
        return deny(denied.banksOnly);
      if (p.grant && !isLoanOfficerOf(viewer, p.grant.bankId)) return deny(denied.notGranted);
      const refusal = checkBankRead(p.grant, p.scopes, p.range, p.now);
      return refusal ? deny(describeRefusal(refusal)) : ALLOW;
    }
  }
}
